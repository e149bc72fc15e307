/** @odoo-module **/

import { registry } from "@web/core/registry";

const today = () => luxon.DateTime.now().toISODate();
const todayTile = () => `.o_week_day[data-date='${today()}']`;

// A staff member logs today's work in "My Week" and submits the day.
registry.category("web_tour.tours").add("hr_civil_service_diary_entry_tour", {
    steps: () => [
        {
            content: "My week is open, with its summary of the days",
            trigger: ".o_hr_work_diary_week .o_copy_yesterday",
        },
        {
            content: "Add a line",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Pick a task of the catalogue by its code",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='task_id'] input",
            run: "edit HRCS.T.C1",
        },
        {
            content: "Choose it",
            trigger: ".o-autocomplete--dropdown-item a:contains('HRCS.T.C1')",
            run: "click",
        },
        {
            content: "Two files registered",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='quantity'] input",
            run: "edit 2",
        },
        {
            content: "The document number",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='product_ref'] input",
            run: "edit 15/CV-VKS",
        },
        {
            content: "Save the line",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The day's tile counts the hours and offers to submit",
            trigger: `${todayTile()} .o_week_submit`,
            run: "click",
        },
        {
            content: "The day is submitted",
            trigger: `${todayTile()} .badge.text-bg-info`,
        },
    ],
});

// The supervisor opens the sheets waiting for them and returns the day with a reason.
registry.category("web_tour.tours").add("hr_civil_service_diary_return_tour", {
    steps: () => [
        {
            content: "Open the staff member's sheet",
            trigger: ".o_list_view .o_data_row td[name='employee_id']:contains('HRCS Tour Clerk')",
            run: "click",
        },
        {
            content: "Return it",
            trigger: ".o_form_view button[name='action_return']",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Add the register numbers of both files.",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The sheet is returned, with its reason",
            trigger: ".o_form_view .alert-danger:contains('Add the register numbers')",
        },
    ],
});

// The staff member reads the reason on the day's tile, corrects the line and submits again.
registry.category("web_tour.tours").add("hr_civil_service_diary_resubmit_tour", {
    steps: () => [
        {
            content: "The reason is on the day's tile",
            trigger: `${todayTile()} .o_return_reason:contains('Add the register numbers')`,
        },
        {
            content: "Edit the line's product reference",
            trigger: ".o_data_row td[name='product_ref']",
            run: "click",
        },
        {
            content: "Give both numbers",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='product_ref'] input",
            run: "edit 15/CV-VKS, 16/CV-VKS",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Submit again",
            trigger: `${todayTile()} .o_week_submit`,
            run: "click",
        },
        {
            content: "Submitted again",
            trigger: `${todayTile()} .badge.text-bg-info`,
        },
    ],
});

// The supervisor approves the corrected sheet.
registry.category("web_tour.tours").add("hr_civil_service_diary_approve_tour", {
    steps: () => [
        {
            content: "Open the corrected sheet",
            trigger: ".o_list_view .o_data_row td[name='employee_id']:contains('HRCS Tour Clerk')",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
