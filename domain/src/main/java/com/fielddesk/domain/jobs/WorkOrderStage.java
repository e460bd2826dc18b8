package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** Whether a work order is a quote or a job (server check work_order_stage_is_quote_or_job). */
public final class WorkOrderStage extends CodedValue {

    private static final Vocabulary<WorkOrderStage> VOCABULARY = new Vocabulary<>(WorkOrderStage::new);

    public static final WorkOrderStage QUOTE = VOCABULARY.known("quote", "Quote");
    public static final WorkOrderStage JOB = VOCABULARY.known("job", "Job");

    private WorkOrderStage(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static WorkOrderStage fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<WorkOrderStage> values() {
        return VOCABULARY.values();
    }
}
