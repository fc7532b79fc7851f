using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Passkeys.DeletePasskey;

/// <summary>Remove one of the caller's passkeys, never the last way to sign in. POST /passkey/delete-passkey.</summary>
public sealed record DeletePasskeyCommand(string UserId, string? Id) : ICommand<Result<bool>>;
