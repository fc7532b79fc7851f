using Mediator;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// `doctor`: every check of this deployment's configuration and surroundings, in <see cref="DoctorCheckOrder"/>.
/// Runs on settings the service would refuse, to say what is wrong with them.
/// </summary>
public sealed record RunDoctorQuery(bool Offline, ResourceServerSettings? ResourceServer) : IQuery<DoctorReport>;
