package org.reach.platform;

import org.springframework.validation.BindingResult;

/** Puts a service's field problems beside the matching form fields. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void bind(InvalidInput invalid, BindingResult result) {
        for (FieldProblem problem : invalid.problems()) {
            Object[] arguments = problem.arguments().toArray();
            if (result.getModel().containsKey(result.getObjectName()) && isField(result, problem.field())) {
                result.rejectValue(problem.field(), problem.messageKey(), arguments, problem.messageKey());
            } else {
                result.reject(problem.messageKey(), arguments, problem.messageKey());
            }
        }
    }

    private static boolean isField(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }
}
