using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Passkeys.UpdatePasskey;

/// <summary>Rename one of the caller's passkeys. POST /passkey/update-passkey.</summary>
public sealed record UpdatePasskeyCommand(string UserId, string? Id, string? Name) : ICommand<Result<PasskeyDto>>;
