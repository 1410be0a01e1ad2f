using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Engagement.Configuration;

namespace Engagement.Api.Auth;

/// <summary>JWT bearer authentication and the role policy of SPEC §5.</summary>
public static class AuthSetup
{
    /// <summary>The policy every <c>/api</c> route requires: a signed token with a known role.</summary>
    public const string ApiPolicy = "api";

    /// <summary>The policy of the supervisors' tools (the Orleans dashboard): a signed token with the supervisor role.</summary>
    public const string SupervisorPolicy = "supervisor";

    /// <summary>What is wrong with the <c>Auth</c> section, for a check before the host is built.</summary>
    public static IEnumerable<string> ProblemsIn(IConfiguration configuration) =>
        ValidatedOptions.ProblemsOf(configuration, AuthOptions.Section, new AuthOptionsValidator());

    /// <summary>Registers JWT bearer validation and the API policy.</summary>
    public static IServiceCollection AddEngineAuth(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(AuthOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthOptions>>().Value);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AuthOptions>((jwt, options) =>
        {
            jwt.MapInboundClaims = false;
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = options.Authority is not null;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = options.Authority is null ? DevelopmentTokens.SigningKeyOf(options) : null,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidAlgorithms = options.Authority is null ? [SecurityAlgorithms.HmacSha256] : null,
                RoleClaimType = Roles.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            jwt.Events = new JwtBearerEvents { OnMessageReceived = DashboardSession.ReadCookie };
        });
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(Roles.RoleClaim, Roles.All)
            .RequireAssertion(context => !context.User.IsAdvisor() || context.User.HasClaim(c => c.Type == Roles.AdvisorIdClaim))
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme))
            .AddPolicy(SupervisorPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(Roles.RoleClaim, Roles.Supervisor)
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme));
        return services;
    }
}
