using Engagement.Checkpoints;
using Engagement.Events;

namespace Engagement.Products;

/// <summary>One investment product: its latest NAV and the customers who hold it.</summary>
[Alias("Engagement.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Records a NAV update durably and revalues every holder in memory; answers the checkpoints, on the
    /// holders' silos, that make their new values durable. A repeat fans out again but changes nothing.</summary>
    [Alias("UpdateNav")]
    Task<IReadOnlyList<CheckpointMark>> UpdateNavAsync(NavUpdated update);

    /// <summary>Adds and removes holders, durably; new holders are revalued with the latest NAV, if any.</summary>
    [Alias("UpdateHolders")]
    Task UpdateHoldersAsync(IReadOnlyList<HolderChange> changes);
}
