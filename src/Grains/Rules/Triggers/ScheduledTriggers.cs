using Engagement.Customers;
using Engagement.Events;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>Triggers that fall due with time: maturities, payments, follow-ups, birthdays, anniversaries, dormancy
/// and reviews. Each fires once; <see cref="NextDue"/> says when the customer next needs waking.</summary>
/// <remarks>Dates are days of <c>Engine:TimeZone</c> (<see cref="RuleCalendar"/>): a date-based trigger is due from the
/// start of its day there.</remarks>
public static class ScheduledTriggers
{
    /// <summary>The candidates due at <paramref name="now"/>; marks each as done so it fires once.</summary>
    public static List<TriggerCandidate> Due(CustomerState state, DateTimeOffset now, TriggerSettings settings)
    {
        var due = new List<TriggerCandidate>();
        var book = state.Triggers;
        var calendar = settings.Calendar;
        var today = calendar.DayOf(now);

        foreach (var (accountId, account) in state.Accounts.Where(a => a.Value is { Type: AccountType.TermDeposit, MaturityDate: not null }))
        {
            var maturity = account.MaturityDate!.Value;
            if (!book.MaturingNotified.Contains(accountId) && now >= calendar.StartOf(maturity) - settings.DepositMaturingLead && today <= maturity)
            {
                book.MaturingNotified.Add(accountId);
                var days = maturity.DayNumber - today.DayNumber;
                due.Add(new(TriggerTypes.DepositMaturing, accountId, Later(calendar.StartOf(maturity) - settings.DepositMaturingLead, account.BalanceAt), calendar.StartOf(maturity),
                    TriggerFacts.Of(("accountId", accountId), ("amount", account.Balance), ("maturityDate", maturity), ("daysLeft", days)),
                    Cause(account.OpenedBy)));
            }
        }
        book.MaturingNotified.RemoveWhere(id => !state.Accounts.ContainsKey(id));

        foreach (var payment in book.Payments.Where(p => now >= calendar.StartOf(p.DueDate) - settings.PaymentDueLead).ToList())
        {
            book.Payments.Remove(payment);
            if (today > payment.DueDate)
            {
                continue;
            }
            var days = payment.DueDate.DayNumber - today.DayNumber;
            due.Add(new(TriggerTypes.PaymentDue, $"{payment.AccountId}@{Wording.Date(payment.DueDate)}", calendar.StartOf(payment.DueDate) - settings.PaymentDueLead, calendar.StartOf(payment.DueDate),
                TriggerFacts.Of(("accountId", payment.AccountId), ("amount", payment.Amount), ("dueDate", payment.DueDate), ("daysLeft", days)),
                [payment.EventId]));
        }

        foreach (var followUp in book.FollowUps.Where(f => now >= f.PurchasedAt + settings.FollowUpAfter).ToList())
        {
            book.FollowUps.Remove(followUp);
            due.Add(new(TriggerTypes.FollowUp, followUp.ProductId, followUp.PurchasedAt + settings.FollowUpAfter, null,
                TriggerFacts.Of(("productId", followUp.ProductId), ("amount", followUp.Amount), ("purchasedAt", followUp.PurchasedAt),
                    ("afterDays", (int)settings.FollowUpAfter.TotalDays)),
                [followUp.EventId]));
        }

        if (state.Profile.BirthDate is { } birthDate)
        {
            foreach (var year in new[] { today.Year, today.Year + 1 })
            {
                var birthday = Anniversary(birthDate, year);
                if (year > book.BirthdayNotifiedYear && now >= calendar.StartOf(birthday) - settings.BirthdayLead && today <= birthday)
                {
                    book.BirthdayNotifiedYear = year;
                    due.Add(new(TriggerTypes.Birthday, year.ToString(System.Globalization.CultureInfo.InvariantCulture), calendar.StartOf(birthday) - settings.BirthdayLead, calendar.StartOf(birthday),
                        TriggerFacts.Of(("birthday", birthday), ("age", year - birthDate.Year), ("daysLeft", birthday.DayNumber - today.DayNumber)),
                        Cause(state.Profile.BirthDateFrom)));
                }
            }
        }

        if (state.Profile.JoinedAt is { } joined && book.RegisteredOn is { } registered)
        {
            var anniversary = Anniversary(joined, today.Year);
            if (today == anniversary && anniversary.Year > joined.Year && anniversary >= registered && anniversary.Year > book.AnniversaryNotifiedYear)
            {
                book.AnniversaryNotifiedYear = anniversary.Year;
                var years = anniversary.Year - joined.Year;
                due.Add(new(TriggerTypes.Anniversary, anniversary.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), calendar.StartOf(anniversary), calendar.StartOf(anniversary),
                    TriggerFacts.Of(("joinedAt", joined), ("years", years)),
                    Cause(state.Profile.JoinedAtFrom)));
            }
        }

        foreach (var lot in state.Points.Lots.Where(l => l.ExpiresOn > (book.PointsExpiringNotified ?? DateOnly.MinValue)
                     && now >= ExpiringFrom(l, calendar, settings)))
        {
            book.PointsExpiringNotified = lot.ExpiresOn;
            if (lot.Points >= settings.PointsExpiringMin)
            {
                due.Add(new(TriggerTypes.PointsExpiring, Wording.Date(lot.ExpiresOn), ExpiringFrom(lot, calendar, settings), calendar.StartOf(lot.ExpiresOn.AddDays(1)),
                    TriggerFacts.Of(("points", lot.Points), ("expiresOn", lot.ExpiresOn), ("balance", state.Points.Balance),
                        ("daysLeft", lot.ExpiresOn.DayNumber - today.DayNumber + 1)),
                    []));
            }
        }

        if ((state.Activity.LastCustomerTransactionAt ?? state.Activity.FirstEventAt) is { } lastOwn
            && now >= lastOwn + settings.DormantAfter && book.DormantNotifiedFor != lastOwn)
        {
            book.DormantNotifiedFor = lastOwn;
            due.Add(new(TriggerTypes.Dormant, Wording.Date(calendar.DayOf(lastOwn)), lastOwn + settings.DormantAfter, null,
                TriggerFacts.Of(("lastCustomerTransactionAt", state.Activity.LastCustomerTransactionAt), ("lastActivityAt", lastOwn),
                    ("days", (int)settings.DormantAfter.TotalDays)),
                []));
        }

        if (ReviewDueAt(state, settings) is { } reviewDue && now >= reviewDue)
        {
            book.LastReviewDueAt = reviewDue;
            var cadence = ReviewCadence(state.Tier.Current, settings)!.Value;
            var tier = state.Tier.Current.ToString().ToLowerInvariant();
            due.Add(new(TriggerTypes.ReviewDue, Wording.Date(calendar.DayOf(reviewDue)), reviewDue, reviewDue,
                TriggerFacts.Of(("tier", tier), ("lastContactAt", book.LastContactAt), ("cadenceDays", (int)cadence.TotalDays), ("since", reviewDue - cadence)),
                []));
        }
        return due;
    }

    // Points expire at the start of the day after their last; the warning comes the lead before that.
    private static DateTimeOffset ExpiringFrom(PointsLot lot, RuleCalendar calendar, TriggerSettings settings) =>
        calendar.StartOf(lot.ExpiresOn.AddDays(1)) - settings.PointsExpiringLead;

    // A dated trigger names the event that set its date, whether that event made it due at once or the clock did later.
    private static string[] Cause(string? eventId) => eventId is null ? [] : [eventId];

    /// <summary>The next moment after <paramref name="now"/> at which something may fall due, or null if nothing will.</summary>
    public static DateTimeOffset? NextDue(CustomerState state, DateTimeOffset now, RuleSettings rules, TriggerSettings settings)
    {
        var book = state.Triggers;
        var calendar = settings.Calendar;
        var today = calendar.DayOf(now);
        var moments = new List<DateTimeOffset?>();
        moments.AddRange(state.Accounts.Where(a => a.Value is { Type: AccountType.TermDeposit, MaturityDate: not null } && !book.MaturingNotified.Contains(a.Key))
            .Select(a => (DateTimeOffset?)(calendar.StartOf(a.Value.MaturityDate!.Value) - settings.DepositMaturingLead)));
        moments.AddRange(book.Payments.Select(p => (DateTimeOffset?)(calendar.StartOf(p.DueDate) - settings.PaymentDueLead)));
        moments.AddRange(book.FollowUps.Select(f => (DateTimeOffset?)(f.PurchasedAt + settings.FollowUpAfter)));
        moments.AddRange(state.Points.Lots.Take(1).Select(l => (DateTimeOffset?)calendar.StartOf(l.ExpiresOn.AddDays(1))));
        moments.AddRange(state.Points.Lots.Where(l => l.ExpiresOn > (book.PointsExpiringNotified ?? DateOnly.MinValue))
            .Take(1).Select(l => (DateTimeOffset?)ExpiringFrom(l, calendar, settings)));
        if (state.Profile.BirthDate is { } birthDate)
        {
            // The first birthday not yet reminded that is still ahead: a birthday already past this year (say, before the
            // customer was registered) is never reminded, and must not hide next year's.
            var year = Math.Max(today.Year, book.BirthdayNotifiedYear + 1);
            if (Anniversary(birthDate, year) < today)
            {
                year++;
            }
            moments.Add(calendar.StartOf(Anniversary(birthDate, year)) - settings.BirthdayLead);
        }
        if (state.Profile.JoinedAt is { } joined)
        {
            var anniversary = Anniversary(joined, today.Year);
            moments.Add(calendar.StartOf(anniversary <= today ? Anniversary(joined, today.Year + 1) : anniversary));
        }
        if ((state.Activity.LastCustomerTransactionAt ?? state.Activity.FirstEventAt) is { } lastOwn && book.DormantNotifiedFor != lastOwn)
        {
            moments.Add(lastOwn + settings.DormantAfter);
            moments.Add(lastOwn + rules.LifecycleWindow);
        }
        moments.Add(ReviewDueAt(state, settings));
        moments.Add(state.Tier.DowngradeRiskSince + rules.DowngradeGrace);
        moments.AddRange(book.Triggers.Where(t => t.IsOpen).Select(t => (DateTimeOffset?)t.ExpiresAt));
        return moments.Where(m => m > now).Min();
    }

    /// <summary>When the next review falls due for a wealth or private customer: the cadence after the later of
    /// the last contact, the day the tier was reached and the previous review.</summary>
    public static DateTimeOffset? ReviewDueAt(CustomerState state, TriggerSettings settings)
    {
        if (ReviewCadence(state.Tier.Current, settings) is not { } cadence || state.Tier.Since is not { } since)
        {
            return null;
        }
        var from = new[] { state.Triggers.LastContactAt, since, state.Triggers.LastReviewDueAt }.Max()!.Value;
        return from + cadence;
    }

    private static TimeSpan? ReviewCadence(Tier tier, TriggerSettings settings) => tier switch
    {
        Tier.Private => settings.PrivateReviewEvery,
        Tier.Wealth => settings.WealthReviewEvery,
        _ => null,
    };

    // 29 February falls on 28 February in other years.
    private static DateOnly Anniversary(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));


    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } x && x > a ? x : a;
}
