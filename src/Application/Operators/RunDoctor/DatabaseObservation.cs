namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// What <see cref="DatabaseCheck"/> saw: the server's clock against ours (sampled halfway through one round
/// trip), its connection limits, and how long connecting and a round trip took.
/// </summary>
public sealed record DatabaseObservation(
    string Server,
    string ServerVersion,
    TimeSpan ConnectTime,
    TimeSpan RoundTrip,
    DateTimeOffset ServerTime,
    DateTimeOffset LocalTime,
    int MaxConnections,
    int ReservedConnections,
    int OpenConnections);
