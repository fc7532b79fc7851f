namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>The most common passwords from public breach corpora, refused as new passwords.</summary>
public interface ICommonPasswordList
{
    /// <summary>True when the password (NFKC-normalised, case-insensitive) is on the list.</summary>
    bool Contains(string password);

    int Count { get; }
}
