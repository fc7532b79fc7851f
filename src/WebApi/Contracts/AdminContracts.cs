using System.Text.Json;
using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Admin.UpdateUser;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;

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
    public IReadOnlyList<string>? Roles() => RoleField.Read(Role);
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

/// <summary>The roles of a <c>role</c> field (a string or an array of strings); null when neither (INVALID_ROLE_TYPE).</summary>
internal static class RoleField
{
    public static IReadOnlyList<string>? Read(JsonElement role) => role.ValueKind switch
    {
        JsonValueKind.String => [role.GetString()!],
        JsonValueKind.Array when role.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            role.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => null,
    };
}

/// <summary>POST /admin/create-user: <c>role</c> (or <c>data.role</c>) is a string or an array of strings.</summary>
public sealed class CreateUserRequest
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    public string? Name { get; init; }

    public JsonElement Role { get; init; }

    /// <summary>BetterAuth's extra user fields; only <c>role</c> is taken (docs/compatibility.md).</summary>
    public JsonElement Data { get; init; }

    /// <summary>The roles asked for (none: null), or the refusal of a malformed <c>role</c> or <c>data</c>.</summary>
    public (IReadOnlyList<string>? Roles, Error? Problem) ReadRoles()
    {
        var role = Role;
        if (Data.ValueKind == JsonValueKind.Object)
        {
            if (Data.EnumerateObject().Any(p => p.Name != "role"))
            {
                return (null, Errors.ValidationError.WithMessage("create-user takes only role in data; other user fields are set by update-user."));
            }

            if (role.ValueKind == JsonValueKind.Undefined && Data.TryGetProperty("role", out var dataRole))
            {
                role = dataRole;
            }
        }
        else if (Data.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return (null, Errors.ValidationError.WithMessage("data must be an object."));
        }

        if (role.ValueKind == JsonValueKind.Undefined)
        {
            return (null, null);
        }

        return RoleField.Read(role) is { } roles ? (roles, null) : (null, Errors.Admin.InvalidRoleType);
    }
}

/// <summary>POST /admin/update-user: <c>data</c> holds the fields to change.</summary>
public sealed class AdminUpdateUserRequest
{
    private static readonly string[] BanFields = ["banned", "banReason", "banExpires"];

    public string? UserId { get; init; }

    public JsonElement Data { get; init; }

    /// <summary>The changes asked for, or BetterAuth's refusal of the body (in its order of checks).</summary>
    public (UserChanges? Changes, Error? Problem) ReadChanges()
    {
        if (Data.ValueKind != JsonValueKind.Object || !Data.EnumerateObject().Any())
        {
            return (null, Data.ValueKind is JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null
                ? Errors.Admin.NoDataToUpdate
                : Errors.ValidationError.WithMessage("data must be an object."));
        }

        if (Data.TryGetProperty("password", out _))
        {
            return (null, Errors.Admin.PasswordCannotBeUpdatedViaUpdateUser);
        }

        if (Data.TryGetProperty("id", out _))
        {
            return (null, Errors.Admin.UserIdCannotBeUpdated);
        }

        IReadOnlyList<string>? roles = null;
        if (Data.TryGetProperty("role", out var role) && (roles = RoleField.Read(role)) is null)
        {
            return (null, Errors.Admin.InvalidRoleType);
        }

        string? name = null, image = null, email = null;
        bool? emailVerified = null;
        var imageGiven = false;
        foreach (var field in Data.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name, value.ValueKind)
            {
                case ("role", _):
                    break;
                case ("name", JsonValueKind.String):
                    name = value.GetString();
                    break;
                case ("image", JsonValueKind.String or JsonValueKind.Null):
                    imageGiven = true;
                    image = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    break;
                case ("email", JsonValueKind.String):
                    email = value.GetString();
                    break;
                case ("emailVerified", JsonValueKind.True or JsonValueKind.False):
                    emailVerified = value.GetBoolean();
                    break;
                default:
                    return (null, Errors.ValidationError.WithMessage(BanFields.Contains(field.Name)
                        ? "A ban is set by ban-user and lifted by unban-user."
                        : "update-user changes only name, image, email, emailVerified and role, each of its own type."));
            }
        }

        return (new UserChanges(name, imageGiven, image, email, emailVerified, roles), null);
    }
}

/// <summary>POST /admin/set-user-password.</summary>
public sealed class SetUserPasswordRequest
{
    public string? UserId { get; init; }

    public string? NewPassword { get; init; }
}

/// <summary>POST /admin/has-permission: <c>permissions</c> is resource → actions (the deprecated <c>permission</c> is refused).</summary>
public sealed class HasPermissionRequest
{
    public JsonElement Permissions { get; init; }

    public JsonElement Permission { get; init; }

    /// <summary>The statements asked about, or null when none (or only the deprecated field) were passed.</summary>
    public (IReadOnlyDictionary<string, string[]>? Permissions, Error? Problem) ReadPermissions()
    {
        if (Permissions.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return (null, Errors.Admin.NoPermissionsPassed);
        }

        if (Permission.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return (null, Errors.ValidationError.WithMessage("Pass either permissions or permission, not both."));
        }

        if (Permissions.ValueKind != JsonValueKind.Object
            || Permissions.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String)))
        {
            return (null, Errors.ValidationError.WithMessage("permissions must map each resource to an array of actions."));
        }

        return (Permissions.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(a => a.GetString()!).ToArray(), StringComparer.Ordinal), null);
    }
}

public sealed record PasswordSetResponse(bool Status);

public sealed record PermissionCheckResponse(string? Error, bool Success);
