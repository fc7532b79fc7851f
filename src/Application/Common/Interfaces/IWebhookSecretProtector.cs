namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>Webhook signing secrets at rest, encrypted as the other secrets (ADR 0011), bound to their endpoint's id.</summary>
public interface IWebhookSecretProtector
{
    string CurrentKeyId { get; }

    byte[] Protect(string secret, string endpointId);

    /// <summary>Null when no configured secret made the blob, or it fails authentication.</summary>
    string? Unprotect(byte[] blob, string keyId, string endpointId);
}
