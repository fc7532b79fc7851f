using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.VerifyApiKey;

internal sealed class VerifyApiKeyCommandHandler(ApiKeyVerifier verifier) : ICommandHandler<VerifyApiKeyCommand, Result<ApiKeyVerification>>
{
    public async ValueTask<Result<ApiKeyVerification>> Handle(VerifyApiKeyCommand command, CancellationToken cancellationToken) =>
        (await verifier.VerifyAsync(command.Key!, command.Permissions, cancellationToken)).Verification;
}
