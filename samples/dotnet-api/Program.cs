using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;

// A resource server that trusts AuthPlatform's JWTs, configured by environment:
//   RS_AUTHORITY   AuthPlatform's issuer URL; JwtBearer reads {authority}/.well-known/openid-configuration
//   RS_AUDIENCE    the audience this API expects (comma list accepted)
//   RS_ALGORITHMS  the algorithms it accepts (default ES256)
//   RS_METADATA_ADDRESS  optional: the discovery document's URL when it is not under the authority
//   RS_CLOCK_SKEW_SECONDS  optional (default 30)
//   RS_CORS_ORIGINS  optional: browser origins allowed to call /protected (BrowserAccess.cs)
//   RS_BACKCHANNEL_CA_FILE, RS_BACKCHANNEL_RESOLVE  optional: reaching the authority (Backchannel.cs)
// GET /protected answers {sub, sid} for a valid token, 401 otherwise. See docs/verifying-tokens.md.
var builder = WebApplication.CreateBuilder(args);
var authority = Required("RS_AUTHORITY");
var audiences = List(Required("RS_AUDIENCE"));
var algorithms = List(Environment.GetEnvironmentVariable("RS_ALGORITHMS") ?? "ES256");
var skew = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("RS_CLOCK_SKEW_SECONDS") ?? "30", System.Globalization.CultureInfo.InvariantCulture));

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.Authority = authority;
    options.MetadataAddress = Environment.GetEnvironmentVariable("RS_METADATA_ADDRESS") ?? string.Empty;
    options.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    options.MapInboundClaims = false;
    if (Backchannel.FromEnvironment() is { } backchannel)
    {
        options.BackchannelHttpHandler = backchannel;
    }

    var validation = options.TokenValidationParameters;
    validation.ValidAudiences = audiences;
    validation.ValidAlgorithms = algorithms;
    validation.ValidTypes = ["at+jwt"];
    validation.ClockSkew = skew;
    validation.TryAllIssuerSigningKeys = false;
    validation.RequireExpirationTime = true;
    validation.RequireSignedTokens = true;
});
builder.Services.AddAuthorization();
builder.Services.AddBrowserAccess();

var app = builder.Build();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/protected", (HttpContext context) => Results.Json(new
{
    sub = context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value,
    sid = context.User.FindFirst(JwtRegisteredClaimNames.Sid)?.Value,
})).RequireAuthorization();
app.MapGet("/healthz", () => Results.Ok());
app.Run();

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");

static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
