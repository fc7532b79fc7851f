# syntax=docker/dockerfile:1
# The AuthPlatform service as a container image. Two stages: the .NET SDK restores and publishes,
# the smaller ASP.NET Core runtime image runs the result as a non-root user on port 8080.
#
#   docker build -t authplatform .
#   docker run --rm --env-file auth.env authplatform migrate     # apply the schema (once per release)
#   docker run --rm --env-file auth.env authplatform doctor      # check the deployment
#   docker run -d -p 8080:8080 --env-file auth.env authplatform  # serve
#
# See docs/deployment.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/AuthPlatform.Domain.csproj src/Domain/
COPY src/Application/AuthPlatform.Application.csproj src/Application/
COPY src/Infrastructure/AuthPlatform.Infrastructure.csproj src/Infrastructure/
COPY src/WebApi/AuthPlatform.WebApi.csproj src/WebApi/
# ReadyToRun (precompiled native code for the service and its packages) for the image's architecture:
# start-up does not wait for the JIT (docs/adr/0050-hot-path-performance.md).
ARG TARGETARCH
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) && \
    dotnet restore src/WebApi/AuthPlatform.WebApi.csproj -r $RID -p:PublishReadyToRun=true

COPY src/ src/
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) && \
    dotnet publish src/WebApi/AuthPlatform.WebApi.csproj -c Release -r $RID --self-contained false \
      -p:PublishReadyToRun=true --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# JSON log lines on stdout; Kestrel on 8080 (the image's default, stated for clarity).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    AUTH_LOG_FORMAT=json
EXPOSE 8080

# The image's built-in unprivileged user.
USER $APP_UID
ENTRYPOINT ["dotnet", "AuthPlatform.WebApi.dll"]
