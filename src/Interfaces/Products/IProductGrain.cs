using Engagement.Events;

namespace Engagement.Products;

/// <summary>One investment product: its latest NAV and the customers who hold it.</summary>
[Alias("Engagement.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Records a NAV update and revalues every holder; a repeat fans out again but changes nothing.</summary>
    [Alias("UpdateNav")]
    Task UpdateNavAsync(NavUpdated update);

    /// <summary>Adds a holder and answers the latest NAV, if any.</summary>
    [Alias("AddHolder")]
    Task<ProductNav?> AddHolderAsync(string customerId);

    /// <summary>Removes a customer who no longer holds the product.</summary>
    [Alias("RemoveHolder")]
    Task RemoveHolderAsync(string customerId);
}
