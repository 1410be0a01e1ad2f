using System.Text;
using Engagement.Checkpoints;

namespace Engagement.UnitTests.Checkpoints;

/// <summary>Compressed states: what goes in comes out, and the bytes a packed activation keeps start in the oldest
/// generation, where no ephemeral collection copies them.</summary>
public sealed class StateCompressionTests
{
    private static readonly byte[] Repetitive = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("card.purchase|evt-", 200)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compressed_bytes_decompress_to_the_state(bool longLived)
    {
        var compressed = StateCompression.Compress(Repetitive, longLived);

        Assert.NotNull(compressed);
        Assert.True(compressed.Length < Repetitive.Length);
        Assert.Equal(Repetitive, StateCompression.Decompress(compressed, Repetitive.Length));
    }

    [Fact]
    public void Long_lived_bytes_start_in_the_oldest_generation_and_others_do_not()
    {
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(StateCompression.Compress(Repetitive, longLived: true)!));
        Assert.NotEqual(GC.MaxGeneration, GC.GetGeneration(StateCompression.Compress(Repetitive)!));
    }

    [Fact]
    public void Bytes_that_do_not_shrink_are_not_compressed()
    {
        Assert.Null(StateCompression.Compress([1, 2, 3], longLived: true));
    }
}
