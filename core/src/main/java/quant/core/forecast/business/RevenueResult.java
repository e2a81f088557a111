package quant.core.forecast.business;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.Money;

/**
 * Revenue ahead: the time-series forecast of completed-job revenue, the part of it already booked
 * (scheduled jobs), and the open sales pipeline weighted by stage win rates, which is a separate
 * stream. Keys of the JSON form are listed in {@code docs/cli.md}.
 *
 * @param asOf the date forecast from and whether it came from the data (JSON: {@code asOf}, the ISO date)
 * @param horizonDays the longest window
 * @param jobRevenue the monthly revenue of completed jobs and its forecast
 * @param windows the figures over 30, 90 and 365 days (those within the horizon) and the horizon
 * @param lines each service line's revenue per estimated hour and its booked jobs
 * @param stages the win rate of each stage and the open deals in it
 * @param overdue open deals whose expected close date has passed: in no window, shown apart
 * @param notes what the figures assume, in sentences
 */
public record RevenueResult(
        @JsonIgnore AsOf asOf,
        int horizonDays,
        Outlook jobRevenue,
        List<Window> windows,
        List<LineRate> lines,
        List<StageValue> stages,
        Overdue overdue,
        List<String> notes)
        implements quant.core.analysis.Dated {
    /** The as-of date as the JSON's {@code asOf} holds it (ISO). */
    @JsonProperty("asOf")
    public String asOfText() {
        return asOf.date().toString();
    }

    /**
     * Open deals whose expected close date is on or before the as-of date: they did not close when
     * expected, so they are not counted as revenue in any window.
     *
     * @param deals how many
     * @param value their open value
     * @param weightedValue their value × their stage's win rate
     */
    public record Overdue(int deals, double value, double weightedValue) {
        public Overdue {
            value = Money.cents(value);
            weightedValue = Money.cents(weightedValue);
        }
    }

    /**
     * One window of days after the as-of date.
     *
     * @param jobs forecast revenue of completed jobs, with bounds
     * @param booked scheduled jobs in the window valued at their line's revenue per hour (part of
     *     {@code jobs}: these are the jobs already on the calendar)
     * @param pipeline open deals expected to close in the window × their stage's win rate; the bounds
     *     treat each deal as won or lost independently (normal approximation)
     * @param total jobs + pipeline, their bounds combined as independent normal errors
     */
    public record Window(
            int days,
            Outlook.Total jobs,
            double booked,
            int bookedJobs,
            Outlook.Total pipeline,
            int pipelineDeals,
            Outlook.Total total) {
        public Window {
            booked = Money.cents(booked);
        }
    }

    /**
     * A service line's rate and its scheduled jobs.
     *
     * @param revenuePerHour revenue ÷ estimated hours of the jobs completed in the last twelve months
     * @param scheduledJobs jobs not done at the as-of date and not cancelled
     * @param bookedValue their estimated hours × the rate
     */
    public record LineRate(String line, String name, double revenuePerHour, int scheduledJobs, double bookedValue) {
        public LineRate {
            revenuePerHour = Money.cents(revenuePerHour);
            bookedValue = Money.cents(bookedValue);
        }
    }

    /**
     * One stage of the pipeline.
     *
     * @param closedDeals closed deals that reached the stage (the sample of the rate)
     * @param winRate won ÷ closed among them, or the overall rate when {@code ownRate} is false
     * @param openDeals deals in the stage at the as-of date
     * @param weightedValue open value × win rate
     */
    public record StageValue(
            String stage,
            int closedDeals,
            int won,
            double winRate,
            boolean ownRate,
            int openDeals,
            double openValue,
            double weightedValue) {
        public StageValue {
            openValue = Money.cents(openValue);
            weightedValue = Money.cents(weightedValue);
        }
    }
}
