namespace Engagement.Simulator;

/// <summary>One core-banking record: the topic it goes to, its key and its JSON value.</summary>
public readonly record struct SimulatedRecord(string Topic, string Key, string Value);
