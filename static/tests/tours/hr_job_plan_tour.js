/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The organisation officer records an approved plan with one line and approves it.
registry.category("web_tour.tours").add("hr_civil_service_plan_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Civil Service app",
            trigger: ".o_app[data-menu-xmlid='hr_civil_service.menu_root']",
            run: "click",
        },
        {
            content: "Open the Positions menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='hr_civil_service.menu_positions']",
            run: "click",
        },
        {
            content: "Open the approved plans",
            trigger: ".dropdown-item[data-menu-xmlid='hr_civil_service.hr_job_plan_menu']",
            run: "click",
        },
        {
            content: "Wait for the approved plans list",
            trigger: ".o_breadcrumb:contains('Approved Plans'), .o_breadcrumb:contains('Đề án được phê duyệt')",
        },
        {
            content: "Create a plan",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Enter the decision number",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit HRCS 900/QĐ-TOUR",
        },
        {
            content: "Enter the issuing authority",
            trigger: ".o_form_view .o_field_widget[name='authority'] input",
            run: "edit HRCS Tour Authority",
        },
        {
            content: "Add a headcount line",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the department",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='department_id'] input",
            run: "edit HRCS Tour Department",
        },
        {
            content: "Pick the department",
            trigger: ".ui-autocomplete .ui-menu-item a:contains('HRCS Tour Department')",
            run: "click",
        },
        {
            content: "Choose the position",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='job_id'] input",
            run: "edit HRCS Tour Position",
        },
        {
            content: "Pick the position",
            trigger: ".ui-autocomplete .ui-menu-item a:contains('HRCS Tour Position')",
            run: "click",
        },
        {
            content: "Set the approved headcount",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='approved_headcount'] input",
            run: "edit 4",
        },
        {
            content: "Save the plan",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Wait until the plan is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Approve the plan",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_approve']",
            run: "click",
        },
        {
            content: "Confirm the approval",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The plan is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            content: "Its decision can no longer be edited",
            trigger: ".o_form_view .o_field_widget[name='name']:not(:has(input))",
        },
    ],
});
