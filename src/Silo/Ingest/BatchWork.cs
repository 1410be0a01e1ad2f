namespace Engagement.Silo.Ingest;

/// <summary>A poll batch on its way: applied in memory by every grain it touches, then durable in a checkpoint.</summary>
public sealed record BatchWork(Task Applied, Task Durable);
