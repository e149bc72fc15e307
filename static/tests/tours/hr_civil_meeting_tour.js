/** @odoo-module **/

import { localization } from "@web/core/l10n/localization";
import { registry } from "@web/core/registry";

// Deadlines typed in the user's own date format (the test reads them back as 2030-01-15 and 2030-01-31).
const typed = (isoDate) => luxon.DateTime.fromISO(isoDate).toFormat(localization.dateFormat);
const directives = ".o_field_widget[name='directive_ids']";
const newRow = `${directives} .o_data_row.o_selected_row`;

/**
 * Add a directive in the editable list of the Directives tab.
 * @param {string} name
 * @param {string} assignee
 * @param {string} deadline ISO date
 */
function addDirective(name, assignee, deadline) {
    return [
        {
            content: "Add a directive",
            trigger: `${directives} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "What the chair asks for",
            trigger: `${newRow} .o_field_widget[name='name'] input`,
            run: `edit ${name}`,
        },
        {
            content: "Who does it",
            trigger: `${newRow} .o_field_widget[name='assignee_ids'] input`,
            run: `edit ${assignee}`,
        },
        {
            content: "Pick the assignee",
            trigger: `.o-autocomplete--dropdown-item a:contains('${assignee}')`,
            run: "click",
        },
        {
            content: "The assignee is set",
            trigger: `${newRow} .o_field_widget[name='assignee_ids'] .o_tag:contains('${assignee}')`,
        },
        {
            content: "By when",
            trigger: `${newRow} .o_field_widget[name='deadline'] input`,
            run: `edit ${typed(deadline)}`,
        },
        {
            content: "Leave the date field",
            trigger: `${newRow} .o_field_widget[name='name'] input`,
            run: "click",
        },
        {
            // one directive at a time: a row still waiting for the briefing's onchange could lose what is typed
            content: "Save the briefing",
            trigger: ".o_form_view .o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Saved, with the directive",
            trigger: `.o_form_renderer.o_form_saved ${directives} .o_data_row td[name='name']:contains('${name}')`,
        },
    ];
}

// The chair opens the scheduled briefing, reads the participants' reports by unit, marks the briefing as held
// and records two directives, saving after each.
registry.category("web_tour.tours").add("hr_civil_service_meeting_tour", {
    steps: () => [
        {
            content: "The briefing is scheduled",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='scheduled']",
        },
        {
            content: "Open the participants' reports",
            trigger: ".o_form_view button[name='action_open_reports']",
            run: "click",
        },
        {
            content: "The reports are grouped by unit: the prosecution division",
            trigger: ".o_list_view .o_group_header:contains('HRCS Meeting Prosecution')",
        },
        {
            content: "... and the office",
            trigger: ".o_list_view .o_group_header:contains('HRCS Meeting Office')",
        },
        {
            content: "A participant's problems are there",
            trigger: ".o_list_view .o_data_row td[name='problems']:contains('The expert report is late')",
        },
        {
            content: "Back to the briefing",
            trigger: ".o_breadcrumb .o_back_button",
            run: "click",
        },
        {
            content: "Mark it as held",
            trigger: ".o_form_view button[name='action_hold']",
            run: "click",
        },
        {
            content: "The briefing is held",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='held']",
        },
        {
            content: "Open the Directives tab",
            trigger: ".o_form_view .o_notebook .nav-link[name='directives']",
            run: "click",
        },
        ...addDirective("Send the expert report request again", "HRCS Meeting Member One", "2030-01-15"),
        ...addDirective("Draft the quarterly statistics", "HRCS Meeting Member Two", "2030-01-31"),
        {
            content: "Both directives are listed",
            trigger: `.o_form_renderer.o_form_saved ${directives} .o_data_row:contains('Send the expert report')`,
        },
    ],
});
