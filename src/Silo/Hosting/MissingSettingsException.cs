namespace Engagement.Silo.Hosting;

/// <summary>The engine cannot start without settings it was not given; the message is one line saying what to set.</summary>
public sealed class MissingSettingsException(string message) : Exception(message);
