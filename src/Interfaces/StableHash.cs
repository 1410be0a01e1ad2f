namespace Engagement;

/// <summary>A hash of a string that is the same on every machine and runtime version, unlike <see cref="string.GetHashCode()"/>:
/// fit to choose where something is stored.</summary>
public static class StableHash
{
    /// <summary>Which of <paramref name="shards"/> shards <paramref name="value"/> falls in, by FNV-1a over its characters.</summary>
    public static int ShardOf(string value, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }
        return (int)(hash % (uint)shards);
    }
}
