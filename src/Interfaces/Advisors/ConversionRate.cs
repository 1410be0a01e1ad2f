using Engagement.Customers;

namespace Engagement.Advisors;

/// <summary>How the triggers of one type and tier closed over a window: conversion = won ÷ closed, null when none closed.</summary>
/// <param name="Type">The trigger type.</param>
/// <param name="Tier">The customer's tier when the trigger fired.</param>
/// <param name="Closed">Triggers closed in the window, with any outcome.</param>
/// <param name="Won">Of those, the ones closed with a sale.</param>
/// <param name="Conversion">Won ÷ closed to 4 places, or null when none closed.</param>
[GenerateSerializer, Immutable, Alias("Engagement.ConversionRate")]
public sealed record ConversionRate(
    [property: Id(0)] string Type,
    [property: Id(1)] Tier Tier,
    [property: Id(2)] int Closed,
    [property: Id(3)] int Won,
    [property: Id(4)] decimal? Conversion);
