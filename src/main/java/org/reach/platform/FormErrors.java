package org.reach.platform;

import java.util.function.Supplier;

import org.springframework.ui.Model;

import org.springframework.validation.BindingResult;

/** Puts a service's field problems beside the matching form fields. */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * The one shape of a form post: on binding errors, or when the service refuses the input, the form is shown again
     * with every problem beside its field and nothing saved; otherwise the answer of {@code save} (usually a redirect).
     */
    public static String submit(BindingResult result, Supplier<String> save, Supplier<String> formAgain) {
        if (result.hasErrors()) {
            return formAgain.get();
        }
        try {
            return save.get();
        } catch (InvalidInput invalid) {
            bind(invalid, result);
            return formAgain.get();
        }
    }

    /**
     * The same for a post without a bound form object: the service's problems go into the model as {@code problems}
     * for the page to list, and the page is shown again.
     */
    public static String submit(Model model, Supplier<String> save, Supplier<String> formAgain) {
        try {
            return save.get();
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", invalid.problems());
            return formAgain.get();
        }
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
