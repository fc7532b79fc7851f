using AuthPlatform.Application.Tokens;
using AuthPlatform.Domain.SigningKeys;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>Makes new key pairs: the private key leaves only encrypted under the current secret.</summary>
public interface ISigningKeyFactory
{
    NewSigningKeyMaterial Generate(SigningAlgorithm algorithm);
}
