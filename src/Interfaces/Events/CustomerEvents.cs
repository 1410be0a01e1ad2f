namespace Engagement.Events;

/// <summary><c>customer.registered</c>: a new customer and their master data.</summary>
[GenerateSerializer, Immutable, Alias("customer.registered")]
public sealed record CustomerRegistered : CustomerEvent
{
    /// <summary>The customer's name.</summary>
    [Id(0)] public required string Name { get; init; }
    /// <summary>The date of birth, when known.</summary>
    [Id(1)] public DateOnly? BirthDate { get; init; }
    /// <summary>The relationship advisor, when assigned.</summary>
    [Id(2)] public string? AdvisorId { get; init; }
    /// <summary>The home branch, when known.</summary>
    [Id(3)] public string? BranchId { get; init; }
    /// <summary>The day the customer joined the bank.</summary>
    [Id(4)] public required DateOnly JoinedAt { get; init; }
    /// <summary>Whether the customer has asked not to be contacted.</summary>
    [Id(5)] public bool DoNotContact { get; init; }
}

/// <summary><c>customer.updated</c>: changed master data; absent fields stay as they were.</summary>
[GenerateSerializer, Immutable, Alias("customer.updated")]
public sealed record CustomerUpdated : CustomerEvent
{
    /// <summary>The new name, when changed.</summary>
    [Id(0)] public string? Name { get; init; }
    /// <summary>The new date of birth, when changed.</summary>
    [Id(1)] public DateOnly? BirthDate { get; init; }
    /// <summary>The new home branch, when changed.</summary>
    [Id(2)] public string? BranchId { get; init; }
}

/// <summary><c>customer.advisor_assigned</c>: the customer moves to another advisor's book.</summary>
[GenerateSerializer, Immutable, Alias("customer.advisor_assigned")]
public sealed record AdvisorAssigned : CustomerEvent
{
    /// <summary>The advisor now responsible for the customer.</summary>
    [Id(0)] public required string AdvisorId { get; init; }
}

/// <summary><c>customer.consent_changed</c>: the customer's contact consent.</summary>
[GenerateSerializer, Immutable, Alias("customer.consent_changed")]
public sealed record ConsentChanged : CustomerEvent
{
    /// <summary>Whether the customer has asked not to be contacted.</summary>
    [Id(0)] public required bool DoNotContact { get; init; }
}
