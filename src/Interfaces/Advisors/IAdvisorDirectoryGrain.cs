namespace Engagement.Advisors;

/// <summary>Every advisor id the engine has delivered to or booked a customer with, for supervisors (one grain, key 0).</summary>
[Alias("Engagement.IAdvisorDirectoryGrain")]
public interface IAdvisorDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists an advisor; a repeat changes nothing.</summary>
    [Alias("List")]
    Task ListAsync(string advisorId);

    /// <summary>Every advisor listed, in id order.</summary>
    [Alias("GetAdvisors")]
    Task<IReadOnlyList<string>> GetAdvisorsAsync();
}
