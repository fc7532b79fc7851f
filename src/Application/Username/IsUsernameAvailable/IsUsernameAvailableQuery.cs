using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Username.IsUsernameAvailable;

/// <summary>Whether a username could be taken now (POST /is-username-available): well-formed, not reserved, and nobody's.</summary>
public sealed record IsUsernameAvailableQuery(string? Username) : IQuery<Result<bool>>;
