import shutil
import subprocess
from datetime import date

from lxml import html as lxml_html

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import HrCivilServiceCase

YEAR = 2024


def render_real_pdf(case, report_ref, res_ids):
    """A real PDF from wkhtmltopdf inside a test.

    wkhtmltopdf would fetch the CSS bundles from the test server, which does not answer during a
    TransactionCase (the print then never ends): the report URL points to a closed port instead, so the page
    is printed with the document's own inline styles. Debian's wkhtmltopdf reports that and its unpatched Qt
    on stderr, which Odoo logs as a warning: the warning is expected and kept out of the test log.
    """
    case.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
    with case.assertLogs("odoo.addons.base.models.ir_actions_report", level="WARNING"):
        return (
            case.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report_ref, res_ids)
        )


class EmulationPledgeCase(HrCivilServiceCase):
    """A block of four units in 2024: two departments of the test agency (head and deputy) and two outside
    agencies kept as contacts; a pledge of three contents (40 + 30 + 30 points)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.agency_a = Partner.create({"name": "HRCS Procuracy of Province A", "is_company": True})
        cls.agency_b = Partner.create({"name": "HRCS Procuracy of Province B", "is_company": True})
        cls.block = cls.env["hr.emulation.block"].create(
            {
                "name": "HRCS Cluster 5",
                "authority": "HRCS Emulation Council",
                "company_id": cls.company.id,
                "member_ids": [
                    Command.create(
                        {"year": YEAR, "sequence": 1, "department_id": cls.dept_prosecution.id, "role": "head"}
                    ),
                    Command.create(
                        {"year": YEAR, "sequence": 2, "department_id": cls.dept_office.id, "role": "deputy"}
                    ),
                    Command.create({"year": YEAR, "sequence": 3, "partner_id": cls.agency_a.id}),
                    Command.create({"year": YEAR, "sequence": 4, "partner_id": cls.agency_b.id}),
                ],
            }
        )
        cls.members = cls.block._members_of(YEAR)

    def _pledge(self, state="draft", user=None, **vals):
        """A pledge of the block, brought to ``state`` (draft, signed, scoring)."""
        env = self.env(user=user) if user else self.env
        pledge = env["hr.emulation.pledge"].create(
            {
                "name": vals.pop("name", "HRCS Pledge 2024"),
                "block_id": self.block.id,
                "year": YEAR,
                "place": "Cần Thơ",
                "item_ids": [
                    Command.create({"sequence": 1, "name": "Professional targets", "max_score": 40}),
                    Command.create({"sequence": 2, "name": "Administrative reform", "max_score": 30}),
                    Command.create({"sequence": 3, "name": "Emulation and unions", "max_score": 30}),
                ],
                **vals,
            }
        )
        pledge.action_load_members()
        for signatory in pledge.signatory_ids:
            signatory.write(
                {
                    "representative_name": f"Head of {signatory.unit_name}",
                    "representative_title": "Chief Prosecutor",
                    "date_signed": date(YEAR, 3, 15),
                }
            )
        if state in ("signed", "scoring"):
            pledge.action_sign()
        if state == "scoring":
            pledge.action_start_scoring()
        return pledge

    def _signatory(self, pledge, unit):
        return pledge.signatory_ids.filtered(lambda s: unit in (s.member_id.department_id, s.member_id.partner_id))

    def _score(self, pledge, grid):
        """``grid``: {unit record: [scores]}."""
        pledge._set_scores({self._signatory(pledge, unit).id: values for unit, values in grid.items()})

    def _closed_pledge(self):
        pledge = self._pledge("scoring")
        self._score(
            pledge,
            {
                self.dept_prosecution: [38, 29, 29],  # 96
                self.dept_office: [37, 29, 29],  # 95
                self.agency_a: [36, 28.5, 29],  # 93.5
                self.agency_b: [37, 28, 28.5],  # 93.5
            },
        )
        self._signatory(pledge, self.dept_prosecution).vote_count = 3
        self._signatory(pledge, self.dept_office).vote_count = 1
        pledge.vote_date = date(YEAR, 12, 20)
        pledge.action_record_vote()
        pledge.action_close()
        return pledge


@tagged("post_install", "-at_install")
class TestEmulationPledge(EmulationPledgeCase):
    # ------------------------------------------------------------------
    # Block and rotation
    # ------------------------------------------------------------------
    def test_block_current_roles(self):
        self.assertEqual(self.block.last_year, YEAR)
        self.assertEqual(self.block.head_member_id.department_id, self.dept_prosecution)
        self.assertEqual(self.block.deputy_member_id.department_id, self.dept_office)

    def test_rotation_hands_roles_on(self):
        self.block.action_rotate()
        next_year = self.block._members_of(YEAR + 1)
        self.assertEqual(len(next_year), 4)
        roles = {(m.department_id or m.partner_id): m.role for m in next_year}
        # the deputy becomes head, the next unit in rotation order becomes deputy
        self.assertEqual(roles[self.dept_office], "head")
        self.assertEqual(roles[self.agency_a], "deputy")
        self.assertEqual(roles[self.dept_prosecution], "member")
        self.block.action_rotate()  # from the latest year on
        self.assertEqual(self.block.last_year, YEAR + 2)
        self.assertEqual(self.block.head_member_id.partner_id, self.agency_a)
        self.assertEqual(self.block.deputy_member_id.partner_id, self.agency_b)
        empty = self.env["hr.emulation.block"].create({"name": "HRCS Empty"})
        with self.assertRaisesMessage(UserError, "has no member units"):
            empty.action_rotate()

    def test_member_rules(self):
        Member = self.env["hr.emulation.block.member"]
        with self.assertRaises(ValidationError):  # a second head in the year
            Member.create(
                {"block_id": self.block.id, "year": YEAR, "partner_id": self.env.company.partner_id.id, "role": "head"}
            )
        with self.assertRaises(ValidationError):  # both a department and an agency
            Member.create(
                {
                    "block_id": self.block.id,
                    "year": YEAR + 1,
                    "department_id": self.dept_office.id,
                    "partner_id": self.agency_a.id,
                }
            )
        with self.assertRaises(ValidationError):  # neither
            Member.create({"block_id": self.block.id, "year": YEAR + 1})
        member = Member.create(
            {"block_id": self.block.id, "year": YEAR + 1, "partner_id": self.agency_a.id, "role": "head"}
        )
        self.assertEqual(member.unit_name, "HRCS Procuracy of Province A")

    # ------------------------------------------------------------------
    # State machine
    # ------------------------------------------------------------------
    def test_full_cycle(self):
        pledge = self._pledge()
        self.assertEqual(len(pledge.signatory_ids), 4)
        self.assertEqual(pledge.total_max_score, 100)
        pledge.action_sign()
        self.assertEqual(pledge.state, "signed")
        pledge.action_reset_draft()
        self.assertEqual(pledge.state, "draft")
        pledge.action_sign()
        pledge.action_start_scoring()
        self.assertEqual(pledge.state, "scoring")
        self.assertEqual(len(pledge.score_ids), 12, "one score line per unit and content")
        self.assertFalse(any(pledge.score_ids.mapped("score")))
        closed = self._closed_pledge()
        self.assertEqual(closed.state, "closed")
        self.assertEqual(closed.date_signed, date(YEAR, 3, 15), "taken from the signatures")

    def test_form(self):
        """The officer prepares a pledge on the form: the company follows the block, units come from the block."""
        with Form(self.env["hr.emulation.pledge"].with_user(self.emulation_officer)) as form:
            form.name = "HRCS Form Pledge"
            form.block_id = self.block
            form.year = YEAR
            with form.item_ids.new() as item:
                item.name = "Professional targets"
                item.max_score = 60
        pledge = form.record
        self.assertEqual(pledge.company_id, self.company)
        pledge.action_load_members()
        self.assertEqual(pledge.signatory_ids.member_id, self.members)
        self.assertEqual(pledge.total_max_score, 60)

    def test_bad_transitions_refused(self):
        actions = ("action_sign", "action_reset_draft", "action_start_scoring", "action_record_vote", "action_close")
        allowed = {
            "draft": {"action_sign"},
            "signed": {"action_reset_draft", "action_start_scoring"},
            "scoring": set(),  # the vote needs votes first, closing needs the vote
            "closed": set(),
        }
        pledges = {
            "draft": self._pledge(name="Draft"),
            "signed": self._pledge("signed", name="Signed"),
            "scoring": self._pledge("scoring", name="Scoring"),
            "closed": self._closed_pledge(),
        }
        for state, pledge in pledges.items():
            for action in actions:
                if action in allowed[state]:
                    continue
                with self.subTest(state=state, action=action):
                    with self.assertRaises(UserError):
                        getattr(pledge, action)()
                    self.assertEqual(pledge.state, state, "nothing changed")

    def test_sign_needs_every_unit_signed(self):
        pledge = self._pledge()
        pledge.signatory_ids[0].date_signed = False
        with self.assertRaisesMessage(UserError, "missing for"):
            pledge.action_sign()
        pledge.signatory_ids[0].date_signed = date(YEAR, 3, 15)
        pledge.signatory_ids[-1].unlink()
        with self.assertRaisesMessage(UserError, "have not joined the pledge"):
            pledge.action_sign()
        self.assertEqual(pledge.state, "draft")
        pledge.action_load_members()
        pledge.signatory_ids[-1].write({"representative_name": "B", "date_signed": date(YEAR, 3, 16)})
        pledge.action_sign()
        self.assertEqual(pledge.state, "signed")

    def test_sign_needs_contents(self):
        pledge = self._pledge()
        pledge.item_ids.unlink()
        with self.assertRaisesMessage(UserError, "has no contents"):
            pledge.action_sign()

    def test_signatory_must_be_member_of_the_year(self):
        other_year = self.env["hr.emulation.block.member"].create(
            {"block_id": self.block.id, "year": YEAR + 1, "partner_id": self.agency_a.id}
        )
        pledge = self._pledge()
        with self.assertRaises(ValidationError):
            self.env["hr.emulation.pledge.signatory"].create({"pledge_id": pledge.id, "member_id": other_year.id})

    def test_signed_pledge_is_locked(self):
        pledge = self._pledge("signed")
        with self.assertRaises(UserError):
            pledge.item_ids[0].max_score = 50
        with self.assertRaises(UserError):
            pledge.item_ids[0].unlink()
        with self.assertRaises(UserError):
            pledge.signatory_ids[0].representative_name = "Someone else"
        with self.assertRaises(UserError):
            self.env["hr.emulation.pledge.score"].create(
                {"item_id": pledge.item_ids[0].id, "signatory_id": pledge.signatory_ids[0].id, "score": 1}
            )
        with self.assertRaises(UserError):
            pledge.unlink()
        self.assertEqual(pledge.item_ids[0].max_score, 40)

    # ------------------------------------------------------------------
    # Scores and ranking
    # ------------------------------------------------------------------
    def test_score_bounded_by_max(self):
        pledge = self._pledge("scoring")
        line = pledge.score_ids.filtered(lambda s: s.item_id.max_score == 40)[0]
        line.score = 40  # the maximum itself is fine
        self.assertEqual(line.score, 40)
        with self.assertRaisesMessage(ValidationError, "must be between 0 and 40"):
            line.score = 40.5
        with self.assertRaises(ValidationError):
            line.score = -1
        self.assertEqual(line.score, 40)

    def test_scores_frozen_once_closed(self):
        pledge = self._closed_pledge()
        with self.assertRaisesMessage(UserError, "only while the pledge is being scored"):
            pledge.score_ids[0].score = 1

    def test_ranking_ties_share_a_rank(self):
        pledge = self._closed_pledge()
        ranking = pledge._ranking()
        self.assertEqual(
            [(signatory.unit_name, total, rank) for signatory, total, rank in ranking],
            [
                ("HRCS Prosecution Division", 96.0, 1),
                ("HRCS Office", 95.0, 2),
                # equal totals: same rank, listed by unit name
                ("HRCS Procuracy of Province A", 93.5, 3),
                ("HRCS Procuracy of Province B", 93.5, 3),
            ],
        )
        self.assertEqual({s.unit_name: s.rank for s in pledge.signatory_ids}, {r[0].unit_name: r[2] for r in ranking})

    def test_rank_after_a_tie_is_skipped(self):
        pledge = self._pledge("scoring")
        self._score(
            pledge,
            {
                self.dept_prosecution: [30, 20, 20],
                self.dept_office: [30, 20, 20],
                self.agency_a: [30, 20, 19.99],
                self.agency_b: [30, 20, 19.99],
            },
        )
        ranks = {s.unit_name: s.rank for s in pledge.signatory_ids}
        self.assertEqual(ranks["HRCS Office"], 1)
        self.assertEqual(ranks["HRCS Prosecution Division"], 1)
        self.assertEqual(ranks["HRCS Procuracy of Province A"], 3)
        self.assertEqual(ranks["HRCS Procuracy of Province B"], 3)

    # ------------------------------------------------------------------
    # Vote
    # ------------------------------------------------------------------
    def test_vote_refused_without_a_majority(self):
        pledge = self._pledge("scoring")
        with self.assertRaisesMessage(UserError, "Enter the votes"):
            pledge.action_record_vote()
        self._signatory(pledge, self.dept_prosecution).vote_count = 2
        self._signatory(pledge, self.dept_office).vote_count = 2
        with self.assertRaisesMessage(UserError, "tied"):
            pledge.action_record_vote()
        self._signatory(pledge, self.dept_office).vote_count = 1
        self._signatory(pledge, self.agency_a).vote_count = 1
        with self.assertRaisesMessage(UserError, "more than half"):
            pledge.action_record_vote()
        self._signatory(pledge, self.agency_b).vote_count = 1
        with self.assertRaisesMessage(ValidationError, "each member unit has one vote"):
            pledge.action_record_vote()
        self.assertFalse(pledge.leading_signatory_id)

    def test_vote_makes_the_flag_proposal(self):
        pledge = self._closed_pledge()
        leader = self._signatory(pledge, self.dept_prosecution)
        self.assertEqual(pledge.leading_signatory_id, leader)
        self.assertTrue(leader.is_leading)
        with self.assertRaises(UserError):  # votes are frozen once recorded
            leader.vote_count = 4
        if "hr.emulation.registration" not in self.env:
            return  # the leading unit on the pledge is then the proposal
        proposal = self.env["hr.emulation.registration"].search([("origin", "=", pledge.name)])
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.title_id, self.env.ref("hr_civil_service.hr_emulation_title_block_flag"))
        self.assertEqual(proposal.year, YEAR)
        self.assertEqual(proposal.department_id, self.dept_prosecution)
        self.assertEqual(proposal.company_id, self.company)
        self.assertMentions(proposal.note, "HRCS Cluster 5", "3 of 4 votes", "20/12/2024", "96")
        self.assertEqual(pledge.flag_proposal_count, 1)

    def test_vote_for_an_outside_agency(self):
        pledge = self._pledge("scoring")
        self._signatory(pledge, self.agency_a).vote_count = 3
        pledge.action_record_vote()
        if "hr.emulation.registration" not in self.env:
            return
        proposal = self.env["hr.emulation.registration"].search([("origin", "=", pledge.name)])
        self.assertEqual(proposal.partner_id, self.agency_a)
        self.assertFalse(proposal.department_id)

    # ------------------------------------------------------------------
    # Movements
    # ------------------------------------------------------------------
    def test_movement(self):
        Movement = self.env["hr.emulation.movement"]
        movement = Movement.create(
            {
                "name": "HRCS Thematic",
                "kind": "thematic",
                "authority": "HRCS Chief Prosecutor",
                "date_start": date(YEAR, 4, 1),
                "date_end": date(YEAR, 7, 26),
            }
        )
        self.assertEqual(movement.year, YEAR)
        with self.assertRaises(UserError):
            movement.action_review()
        movement.action_launch()
        movement.action_review()
        self.assertEqual(movement.state, "reviewed")
        with self.assertRaises(UserError):
            movement.action_cancel()
        with self.assertRaises(ValidationError):
            Movement.create(
                {"name": "Backwards", "authority": "X", "date_start": date(YEAR, 5, 1), "date_end": date(YEAR, 4, 1)}
            )

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def test_emulation_officer_full_access(self):
        pledge = self._pledge("scoring", user=self.emulation_officer)
        self.assertEqual(pledge.create_uid, self.emulation_officer)
        pledge.score_ids[0].with_user(self.emulation_officer).score = 10
        self.block.with_user(self.emulation_officer).name = "HRCS Cluster 5 (renamed)"
        draft = self._pledge(user=self.emulation_officer, name="To delete")
        draft.unlink()

    def test_staff_read_only_and_not_drafts(self):
        draft = self._pledge(name="Draft")
        scoring = self._pledge("scoring", name="Scoring")
        closed = self._closed_pledge()
        for user in (self.staff, self.supervisor):
            Pledge = self.env["hr.emulation.pledge"].with_user(user)
            visible = Pledge.search([("id", "in", (draft | scoring | closed).ids)])
            self.assertEqual(visible, scoring | closed, "a draft pledge is the officers' and leaders' business")
            with self.assertRaises(AccessError):
                draft.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                scoring.with_user(user).name = "Changed"
            with self.assertRaises(AccessError):
                self._pledge(user=user, name="Mine")
            with self.assertRaises(AccessError):
                self.block.with_user(user).name = "Changed"
            # scores are read once the year is closed
            Score = self.env["hr.emulation.pledge.score"].with_user(user)
            self.assertFalse(Score.search([("pledge_id", "=", scoring.id)]))
            self.assertEqual(len(Score.search([("pledge_id", "=", closed.id)])), 12)
            self.assertTrue(self.block.with_user(user).name)

    def test_leader_reads_drafts_but_cannot_write(self):
        draft = self._pledge(name="Draft")
        self.assertEqual(draft.with_user(self.leader).name, "Draft")
        self.assertEqual(len(draft.with_user(self.leader).signatory_ids), 4)
        with self.assertRaises(AccessError):
            draft.with_user(self.leader).name = "Changed"

    def test_internal_user_without_role_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env["hr.emulation.pledge"].with_user(self.user_internal).search([])
        with self.assertRaises(AccessError):
            self.env["hr.emulation.block"].with_user(self.user_internal).search([])

    def test_other_company_invisible(self):
        block_other = self.env["hr.emulation.block"].create(
            {"name": "HRCS Other Block", "company_id": self.company_2.id}
        )
        self.assertFalse(
            self.env["hr.emulation.block"].with_user(self.emulation_officer).search([("id", "=", block_other.id)])
        )
        with self.assertRaises(AccessError):
            block_other.with_user(self.emulation_officer).read(["name"])
        with self.assertRaises(UserError):  # check_company: a pledge of this agency on the other agency's block
            self.env["hr.emulation.pledge"].create(
                {"name": "Cross", "block_id": block_other.id, "year": YEAR, "company_id": self.company.id}
            )

    # ------------------------------------------------------------------
    # Printed pledge
    # ------------------------------------------------------------------
    def test_pledge_html(self):
        pledge = self._closed_pledge()
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_civil_service.report_emulation_pledge", pledge.ids
        )
        text = " ".join(lxml_html.fromstring(content.decode()).text_content().split())
        for fragment in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Cần Thơ, ngày 15 tháng 3 năm 2024",
            "HRCS EMULATION COUNCIL",
            "EMULATION PLEDGE",
            "Year 2024",
            "1. Professional targets (maximum 40 points)",
            "Total maximum score: 100 points",
            "ON BEHALF OF HRCS PROCURACY OF PROVINCE A",
            "(Signed and sealed on 15/03/2024)",
            "Head of HRCS Office",
            "On 20/12/2024 the block voted HRCS Prosecution Division its leading unit (3 of 4 votes)",
            "93,5",
        ):
            self.assertIn(fragment, text)
        # one signature cell per unit
        self.assertEqual(text.count("ON BEHALF OF"), 4)

    def test_pledge_pdf_text(self):
        pledge = self._closed_pledge()
        pdf, kind = render_real_pdf(self, "hr_civil_service.hr_emulation_pledge_print", pledge.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        if not shutil.which("pdftotext"):
            return  # the HTML test checks the content
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        text = " ".join(text.split())
        for fragment in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ngày 15 tháng 3 năm 2024",
            "EMULATION PLEDGE",
            "Professional targets",
            "15/03/2024",
            "20/12/2024",
        ):
            self.assertIn(fragment, text)


@tagged("post_install", "-at_install")
class TestEmulationPledgeDemo(HrCivilServiceCase):
    def test_demo_pledge(self):
        pledge = self.env.ref("hr_civil_service.emulation_pledge_2024_demo", raise_if_not_found=False)
        if not pledge:
            return  # installed without demo data
        self.assertEqual(pledge.state, "closed")
        self.assertEqual(len(pledge.item_ids), 5)
        self.assertEqual(pledge.total_max_score, 100)
        self.assertEqual(len(pledge.signatory_ids), 4)
        self.assertEqual([rank for _s, _t, rank in pledge._ranking()], [1, 2, 3, 3])
        self.assertEqual(pledge.leading_signatory_id.member_id.partner_id, self.env.ref("base.main_partner"))
        self.assertEqual(pledge.leading_signatory_id.member_id.role, "head")
        block = pledge.block_id
        self.assertEqual(block.head_member_id.partner_id, self.env.ref("base.main_partner"))
        if "hr.emulation.registration" in self.env:
            self.assertEqual(pledge.flag_proposal_count, 1)
