using System.Text.Json;
using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Common.Models;

namespace AuthPlatform.WebApi.Contracts;

// Request and response bodies of the administration routes (BetterAuth's admin plugin).

/// <summary>The body of every administration route that names one user.</summary>
public sealed class AdminUserRequest
{
    public string? UserId { get; init; }
}

/// <summary>POST /admin/set-role: <c>role</c> is a string or an array of strings.</summary>
public sealed class SetRoleRequest
{
    public string? UserId { get; init; }

    public JsonElement Role { get; init; }

    /// <summary>The roles given, or null when <c>role</c> is neither a string nor an array of strings (INVALID_ROLE_TYPE).</summary>
    public IReadOnlyList<string>? Roles() => Role.ValueKind switch
    {
        JsonValueKind.String => [Role.GetString()!],
        JsonValueKind.Array when Role.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            Role.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => null,
    };
}

/// <summary>POST /admin/ban-user.</summary>
public sealed class BanUserRequest
{
    public string? UserId { get; init; }

    public string? BanReason { get; init; }

    /// <summary>Seconds until the ban lifts itself; none: a ban without end.</summary>
    public long? BanExpiresIn { get; init; }
}

/// <summary>POST /admin/revoke-user-session.</summary>
public sealed class RevokeUserSessionRequest
{
    public string? SessionToken { get; init; }
}

public sealed record AdminUserResponse(AdminUserDto User);

public sealed record AdminSessionsResponse(IReadOnlyList<SessionDto> Sessions);
