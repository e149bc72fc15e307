from odoo.tests import tagged

from .common import HrCivilServiceCase


@tagged("post_install", "-at_install")
class TestCatalogueData(HrCivilServiceCase):
    """The catalogues ship as editable data under stable external ids."""

    def test_ranks(self):
        expected = {
            "hr_civil_rank_01_001": ("01.001", "senior"),
            "hr_civil_rank_01_002": ("01.002", "principal"),
            "hr_civil_rank_01_003": ("01.003", "specialist"),
            "hr_civil_rank_01_004": ("01.004", "officer"),
            "hr_civil_rank_01_005": ("01.005", "staff"),
        }
        for xmlid, (code, level) in expected.items():
            with self.subTest(xmlid=xmlid):
                rank = self.env.ref(f"hr_civil_service.{xmlid}")
                self.assertEqual((rank.code, rank.level), (code, level))
                self.assertFalse(rank.company_id, "shipped ranks are shared by every agency")
                self.assertEqual(rank.display_name, f"[{code}] {rank.name}")
        self.assertEqual(self.env.ref("hr_civil_service.hr_civil_rank_senior_expert").level, "senior_expert")
        # Ordered by sequence: the highest rank first.
        ranks = self.env["hr.civil.rank"].search([("code", "in", [code for code, _level in expected.values()])])
        self.assertEqual(ranks.mapped("code"), sorted(code for code, _level in expected.values()))
        # Searchable by code.
        self.assertIn(self.rank_specialist, self.env["hr.civil.rank"].search([("display_name", "ilike", "01.003")]))

    def test_mandatory_general_competencies(self):
        xmlids = ["ethics", "organising", "drafting", "communication", "coordination", "it", "language"]
        competencies = self.env["hr.competency"].browse(
            [self.env.ref(f"hr_civil_service.hr_competency_{xmlid}").id for xmlid in xmlids]
        )
        self.assertEqual(len(competencies), 7)
        self.assertEqual(set(competencies.mapped("category")), {"general"})
        self.assertTrue(all(competencies.mapped("mandatory")))
        self.assertEqual(competencies.mapped("code"), [f"GC0{i}" for i in range(1, 8)])
        self.assertFalse(competencies.company_id)

    def test_complexity_levels(self):
        expected = {"n1": ("N1", 1.0), "n2": ("N2", 1.2), "n3": ("N3", 1.5), "n4": ("N4", 1.8), "n5": ("N5", 2.0)}
        for xmlid, (code, coefficient) in expected.items():
            with self.subTest(xmlid=xmlid):
                level = self.env.ref(f"hr_civil_service.hr_job_task_complexity_{xmlid}")
                self.assertEqual(level.code, code)
                self.assertAlmostEqual(level.coefficient, coefficient)
                self.assertFalse(level.company_id)
                self.assertTrue(level.display_name.startswith(code))

    def test_task_groups(self):
        expected = {"a": ("A", False), "b": ("B", True), "c": ("C", False), "d": ("D", True)}
        for xmlid, (code, open_to_all) in expected.items():
            with self.subTest(xmlid=xmlid):
                group = self.env.ref(f"hr_civil_service.hr_job_task_group_{xmlid}")
                self.assertEqual((group.code, group.open_to_all), (code, open_to_all))
                self.assertFalse(group.company_id)

    def test_rank_caps(self):
        for xmlid, share in [("in_depth", 40), ("general", 30), ("directorate_1", 25), ("directorate_2", 35)]:
            with self.subTest(xmlid=xmlid):
                cap = self.env.ref(f"hr_civil_service.hr_civil_rank_cap_{xmlid}")
                self.assertEqual(cap.rank_level, "senior")
                self.assertEqual(cap.max_share, share)

    def test_catalogues_are_editable(self):
        """Shipped data is a starting point: the organisation officer edits it."""
        level = self.level_n3.with_user(self.org_officer)
        level.coefficient = 1.6
        self.assertAlmostEqual(level.coefficient, 1.6)
        rank = (
            self.env["hr.civil.rank"]
            .with_user(self.org_officer)
            .create({"name": "Prosecutor", "code": "HRCS.70.001", "level": "specialist"})
        )
        self.assertTrue(rank.exists())
        self.assertTrue(self.env.ref("hr_civil_service.ir_cron_supersede_plans").active)
