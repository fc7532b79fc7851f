using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Webhooks;

/// <summary>Webhook signing secrets at rest, in a <see cref="SecretBox"/> of their own family, bound to the endpoint's id (ADR 0011).</summary>
public sealed class WebhookSecretEncryption(IOptions<AuthOptions> options) : IWebhookSecretProtector
{
    private readonly SecretBox _box = new(options.Value.SecretRing, EncryptedFamily.WebhookSecrets, "webhook secrets");

    public string CurrentKeyId => _box.CurrentKeyId;

    public byte[] Protect(string secret, string endpointId) => _box.Seal(Encoding.UTF8.GetBytes(secret), AssociatedData(endpointId));

    public string? Unprotect(byte[] blob, string keyId, string endpointId) =>
        _box.TryOpen(blob, keyId, AssociatedData(endpointId), out var plain) ? Encoding.UTF8.GetString(plain) : null;

    private static byte[] AssociatedData(string endpointId) => Encoding.UTF8.GetBytes($"AuthPlatform webhook secret of endpoint {endpointId}");
}
