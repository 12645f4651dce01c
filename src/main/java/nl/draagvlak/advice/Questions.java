package nl.draagvlak.advice;

import java.util.List;

/** The questions of one request, those that can lead to the most different verdicts first. */
public record Questions(List<Question> questions, int engineRuns) {

    public Questions {
        questions = List.copyOf(questions);
    }
}
