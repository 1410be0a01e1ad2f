namespace Engagement.Silo.Storage;

/// <summary>Thrown instead of writing a grain state that would not fit in one table entity; nothing is written.</summary>
public sealed class GrainStateTooLargeException : Exception
{
    /// <summary>Creates the exception with a message naming the grain type, the state and both sizes.</summary>
    public GrainStateTooLargeException(string grainType, string stateName, int size, int limit)
        : base($"The state '{stateName}' of grain type '{grainType}' takes {size:N0} bytes serialized and compressed, over the limit of " +
               $"{limit:N0} bytes that keeps a table entity under 1 MiB. Nothing was written: bound the state " +
               "(ring buffers, recent entries only) or move the older part into rows of its own.")
    {
    }
}
