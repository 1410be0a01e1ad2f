namespace Engagement.Api.Auth;

/// <summary>The roles of SPEC §5 and the claims that carry them.</summary>
public static class Roles
{
    /// <summary>The claim naming the caller's role.</summary>
    public const string RoleClaim = "role";
    /// <summary>The claim naming an advisor's id.</summary>
    public const string AdvisorIdClaim = "advisorId";

    /// <summary>A relationship advisor: their own book and inbox only.</summary>
    public const string Advisor = "advisor";
    /// <summary>A supervisor: everything.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>A system: everything.</summary>
    public const string Service = "service";

    /// <summary>Every role the API accepts.</summary>
    public static readonly string[] All = [Advisor, Supervisor, Service];
}
