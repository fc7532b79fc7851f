using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.MagicLink.SignInMagicLink;

/// <summary>
/// Ask for a magic link. POST /sign-in/magic-link. The answer is the same whether or not the address has an
/// account: the request only queues a job, and the sender decides (ADR 0083).
/// </summary>
public sealed record SignInMagicLinkCommand(string? Email, string? Name, string? CallbackUrl, string? NewUserCallbackUrl, string? ErrorCallbackUrl)
    : ICommand<Result<bool>>
{
    public override string ToString() => "SignInMagicLinkCommand { Email = *** }";
}
