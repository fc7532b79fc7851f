using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.GetUser;

/// <summary>GET /admin/get-user?id=: one user as the administration routes show it.</summary>
public sealed record GetUserQuery(string? Id) : IQuery<Result<AdminUserDto>>;
