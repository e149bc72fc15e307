/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Last month, as the test computes it: its approved diaries are what the evaluation reads.
const lastMonth = () => luxon.DateTime.now().startOf("month").minus({ months: 1 });
const lineForm = ".o_form_view .o_form_sheet";

// The leader runs the evaluation of last month from the menu, lands on the campaign with one line per official,
// opens the lines of the unit, checks the KPI figures and the proposed level of one official and decides it.
// Selectors use technical names and the test's own records, not translated labels.
registry.category("web_tour.tours").add("hr_civil_service_evaluation_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Civil Service app",
            trigger: ".o_app[data-menu-xmlid='hr_civil_service.menu_root']",
            run: "click",
        },
        {
            content: "Open the Evaluation menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='hr_civil_service.menu_evaluation']",
            run: "click",
        },
        {
            content: "Run Evaluation",
            trigger: ".dropdown-item[data-menu-xmlid='hr_civil_service.hr_civil_evaluation_wizard_menu']",
            run: "click",
        },
        {
            content: "A monthly evaluation",
            trigger: ".modal .o_field_widget[name='period_type'] select",
            run: 'select "month"',
        },
        {
            content: "The year of last month",
            trigger: ".modal .o_field_widget[name='year'] input",
            run: `edit ${lastMonth().year}`,
        },
        {
            content: "Last month",
            trigger: ".modal .o_field_widget[name='month'] select",
            run: `select "${lastMonth().month}"`,
        },
        {
            content: "The month is chosen",
            trigger: ".modal .o_field_widget[name='month'] select",
            run: function () {
                const select = document.querySelector(".modal .o_field_widget[name='month'] select");
                if (select.value !== `"${lastMonth().month}"`) {
                    throw new Error(`Month ${select.value} chosen instead of ${lastMonth().month}`);
                }
            },
        },
        {
            content: "Run",
            trigger: ".modal .modal-footer button[name='action_run']",
            run: "click",
        },
        {
            content: "The campaign lists the three officials of the unit",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains('HRCS Eval Gamma')",
        },
        {
            content: "... with the first official's converted hours",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains('HRCS Eval Alpha')",
        },
        {
            content: "... and the second's",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains('HRCS Eval Beta')",
        },
        {
            content: "Open the lines",
            trigger: ".o_form_view .o-form-buttonbox button[name='action_open_lines']",
            run: "click",
        },
        {
            content: "Unfold the unit",
            trigger: ".o_list_view .o_group_header:contains('HRCS Evaluation Tour Unit')",
            run: "click",
        },
        {
            content: "Open the first official's line",
            trigger: ".o_list_view .o_data_row td[name='employee_id']:contains('HRCS Eval Alpha')",
            run: "click",
        },
        {
            content: "The KPI tab is open: converted hours of the approved diary",
            trigger: `${lineForm} .o_field_widget[name='converted_hours'] span:contains('5.00')`,
        },
        {
            content: "Two products",
            trigger: `${lineForm} .o_field_widget[name='line_count'] span:contains('2')`,
        },
        {
            content: "Assigned hours of the month",
            trigger: `${lineForm} .o_field_widget[name='standard_hours'] span:not(:contains('0.00'))`,
        },
        {
            content: "The proposed level: five hours in a month is 'Not Completed'",
            trigger: `${lineForm} .o_field_widget[name='proposed_level'] span[raw-value='fail']`,
        },
        {
            content: "The line waits for the decision",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
        {
            content: "Decide",
            trigger: ".o_form_view .o_form_statusbar button[name='action_decide']",
            run: "click",
        },
        {
            content: "The line is decided",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='decided']",
        },
        {
            content: "The final level is the proposed one",
            trigger: `${lineForm} .o_field_widget[name='final_level'] select`,
            run: function () {
                const select = document.querySelector(`${lineForm} .o_field_widget[name='final_level'] select`);
                if (select.value !== '"fail"') {
                    throw new Error(`Final level ${select.value} instead of "fail"`);
                }
            },
        },
    ],
});
