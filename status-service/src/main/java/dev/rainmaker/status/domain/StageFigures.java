package dev.rainmaker.status.domain;

/** One stage's figures: customers in it now, the oldest's age, the stuck, and who finished or failed it lately. */
public record StageFigures(
        Stage stage, long inFlight, double oldestAgeSeconds, long stuck, long doneLastHour, long failedLastHour) {

    public static StageFigures empty(Stage stage) {
        return new StageFigures(stage, 0, 0, 0, 0, 0);
    }

    /** The figures of two sets of customers together (two instances' partitions). */
    public StageFigures plus(StageFigures other) {
        return new StageFigures(
                stage,
                inFlight + other.inFlight,
                Math.max(oldestAgeSeconds, other.oldestAgeSeconds),
                stuck + other.stuck,
                doneLastHour + other.doneLastHour,
                failedLastHour + other.failedLastHour);
    }
}
