import { Component, onWillRender, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { listView } from "@web/views/list/list_view";
import { ListRenderer } from "@web/views/list/list_renderer";

/**
 * Summary of "My Week" above the editable lines: each day's schedule, sheet state and totals, the week's
 * totals, week navigation, copy buttons and a Submit button per day.
 */
export class WorkDiaryWeekSummary extends Component {
    static template = "hr_civil_service.WorkDiaryWeekSummary";
    static props = { list: Object };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ summary: null });
        this.lastSignature = null;
        onWillStart(() => this.load());
        onWillRender(() => {
            const signature = this.signature;
            if (this.lastSignature !== null && signature !== this.lastSignature) {
                this.load();
            }
            this.lastSignature = signature;
        });
    }

    get weekStart() {
        return this.props.list.context.civil_week_start || false;
    }

    /** Changes whenever a line is added, removed or its hours change: the summary is then reloaded. */
    get signature() {
        const list = this.props.list;
        if (list.groups) {
            return JSON.stringify(list.groups.map((group) => [group.displayName, group.count, group.aggregates]));
        }
        return JSON.stringify(list.records.map((record) => [record.resId, record.data.claimed_hours]));
    }

    async load() {
        this.state.summary = await this.orm.call("hr.work.diary", "get_week_summary", [], {
            week_start: this.weekStart,
        });
    }

    async reloadAll() {
        await this.props.list.model.load();
        await this.load();
    }

    async goToWeek(weekStart) {
        const action = await this.orm.call("hr.work.diary", "action_open_my_week", [], { week_start: weekStart });
        await this.action.doAction(action, { stackPosition: "replaceCurrentAction" });
    }

    async copy(mode) {
        const result = await this.orm.call("hr.work.diary", "action_copy_lines", [mode], {
            week_start: this.weekStart,
        });
        await this.action.doAction(result);
        await this.reloadAll();
    }

    async submit(day) {
        await this.orm.call("hr.work.diary", "action_submit", [[day.sheet_id]]);
        await this.reloadAll();
    }

    async openSheet(day) {
        await this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "hr.work.diary",
            res_id: day.sheet_id,
            views: [[false, "form"]],
            target: "current",
        });
    }

    async openItem(item) {
        await this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "hr.civil.action.item",
            res_id: item.id,
            views: [[false, "form"]],
            target: "current",
        });
    }

    formatHours(value) {
        return (Math.round((value || 0) * 100) / 100).toLocaleString();
    }

    loadClass(day) {
        if (!day.schedule_hours) {
            return "bg-secondary";
        }
        const ratio = day.claimed_hours / day.schedule_hours;
        return ratio > 1.05 ? "bg-danger" : ratio >= 0.95 ? "bg-success" : "bg-warning";
    }

    loadWidth(day) {
        if (!day.schedule_hours) {
            return 0;
        }
        return Math.min(100, Math.round((100 * day.claimed_hours) / day.schedule_hours));
    }

    stateClass(day) {
        return (
            {
                draft: "text-bg-warning",
                submitted: "text-bg-info",
                approved: "text-bg-success",
                returned: "text-bg-danger",
            }[day.state] || "text-bg-light"
        );
    }
}

export class WorkDiaryWeekListRenderer extends ListRenderer {
    static template = "hr_civil_service.WorkDiaryWeekListRenderer";
    static components = { ...ListRenderer.components, WorkDiaryWeekSummary };
}

registry.category("views").add("hr_work_diary_week_list", {
    ...listView,
    Renderer: WorkDiaryWeekListRenderer,
});
