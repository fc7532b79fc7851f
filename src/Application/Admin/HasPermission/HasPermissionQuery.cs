using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.HasPermission;

/// <summary>
/// POST /admin/has-permission: whether the signed-in user's roles grant every action of <paramref name="Permissions"/>
/// (BetterAuth's statements; any session may ask about itself).
/// </summary>
public sealed record HasPermissionQuery(string UserId, IReadOnlyDictionary<string, string[]> Permissions) : IQuery<Result<bool>>;
