namespace Engagement.State;

/// <summary>A customer's master data.</summary>
[GenerateSerializer, Alias("Engagement.CustomerProfile")]
public sealed class CustomerProfile
{
    /// <summary>The customer's name.</summary>
    [Id(0)] public string? Name { get; set; }
    /// <summary>The date of birth, when known.</summary>
    [Id(1)] public DateOnly? BirthDate { get; set; }
    /// <summary>The relationship advisor, when assigned.</summary>
    [Id(2)] public string? AdvisorId { get; set; }
    /// <summary>The home branch, when known.</summary>
    [Id(3)] public string? BranchId { get; set; }
    /// <summary>The day the customer joined the bank.</summary>
    [Id(4)] public DateOnly? JoinedAt { get; set; }
    /// <summary>Whether the customer has asked not to be contacted.</summary>
    [Id(5)] public bool DoNotContact { get; set; }
    /// <summary>The eventId that gave the birth date: the cause of birthday reminders.</summary>
    [Id(6)] public string? BirthDateFrom { get; set; }
    /// <summary>The eventId of the registration that gave the joining day: the cause of anniversaries.</summary>
    [Id(7)] public string? JoinedAtFrom { get; set; }
}
