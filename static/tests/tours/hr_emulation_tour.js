/** @odoo-module **/

import { registry } from "@web/core/registry";

const criteria = ".o_field_widget[name='check_ids']";

// The emulation officer registers an official for "Advanced Worker", runs the year-end check, reads each
// criterion as pass or fail with its evidence, and overrides the failing one with a reason.
registry.category("web_tour.tours").add("hr_civil_service_emulation_tour", {
    steps: () => [
        {
            content: "Choose the title",
            trigger: ".o_form_view .o_field_widget[name='title_id'] input",
            run: "edit Advanced Worker",
        },
        {
            content: "Pick Advanced Worker",
            trigger: ".o-autocomplete--dropdown-item a:contains('Advanced Worker')",
            run: "click",
        },
        {
            content: "Choose the official",
            trigger: ".o_form_view .o_field_widget[name='employee_id'] input",
            run: "edit HRCS Tour Official",
        },
        {
            content: "Pick the official",
            trigger: ".o-autocomplete--dropdown-item a:contains('HRCS Tour Official')",
            run: "click",
        },
        {
            content: "The unit comes from the official",
            trigger: ".o_form_view .o_field_widget[name='department_id'] input:value(HRCS Tour Unit)",
        },
        {
            content: "Save the registration",
            trigger: ".o_form_view .o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Registered",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
        {
            content: "Run the year-end check",
            trigger: ".o_form_view button[name='action_check']",
            run: "click",
        },
        {
            content: "Checked",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='checked']",
        },
        {
            content: "Not under review: pass",
            trigger: `${criteria} .o_data_row:contains('Not under disciplinary review') .badge:contains('Pass')`,
        },
        {
            content: "Months worked: pass",
            trigger: `${criteria} .o_data_row:contains('months worked') .badge:contains('Pass')`,
        },
        {
            content: "The year's rating is below 'Good': fail, with the rating as evidence",
            trigger: `${criteria} .o_data_row:contains('Rated Good or higher'):contains('Completed') .badge:contains('Fail')`,
        },
        {
            content: "Give the reason of the override",
            trigger: ".o_form_view .o_field_widget[name='override_reason'] textarea",
            run: "edit Rating raised on appeal",
        },
        {
            content: "Override the check",
            trigger: ".o_form_view button[name='action_override']",
            run: "click",
        },
        {
            content: "Overridden",
            trigger: ".o_form_view .ribbon:contains('Overridden')",
        },
        {
            content: "It can now be awarded",
            trigger: ".o_form_view button[name='action_approve']",
        },
    ],
});
