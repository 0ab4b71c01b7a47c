package me.wolfeo.sequences.platform.contract.validation;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import me.wolfeo.sequences.platform.messaging.CommandRejectedException;

/**
 * Checks a contract record against the rules declared on it: the gateway on a request, and each service on a
 * command it consumes (internal systems publish straight to the topics).
 */
@ApplicationScoped
public class ContractValidator {

    private final Validator validator;

    public ContractValidator(Validator validator) {
        this.validator = validator;
    }

    /** Every broken rule, by JSON field name ({@link FieldProblems}); empty when the value keeps them all. */
    public Map<String, List<String>> problems(Object contract) {
        return FieldProblems.of(contract.getClass(), validator.validate(contract));
    }

    /**
     * The command, or its refusal when it breaks a rule, with every problem.
     *
     * @throws CommandRejectedException a {@code VALIDATION_ERROR} naming each field
     */
    public <T> T checked(T command) {
        Map<String, List<String>> problems = problems(command);
        if (!problems.isEmpty()) {
            throw CommandRejectedException.invalid(problems);
        }
        return command;
    }
}
