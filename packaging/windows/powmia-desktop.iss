; Inno Setup 6 script: a Windows installer around the PyInstaller one-folder bundle.
;
; Build on Windows (see packaging/README.md, or just run build-windows.ps1):
;   1. dist\powmia-desktop\ from packaging\pyinstaller\powmia-desktop.spec
;   2. build\LICENSE.txt from powmia_desktop.identity (build-windows.ps1 writes it)
;   3. "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\powmia-desktop.iss
; Result: dist\powmia-desktop-<version>-windows-x64-setup.exe
;
; It installs per user by default (no administrator rights needed; the installer offers
; "for all users" when run as an administrator). Uninstalling never removes archives:
; they live in %LOCALAPPDATA%\powmia-desktop\ or wherever the person saved them.

#ifndef AppVersion
  ; Kept equal to powmia_desktop.__version__ by tests/packaging; the build passes /DAppVersion.
  #define AppVersion "0.1.0"
#endif
#define AppName "Powmia Desktop"
#define AppPublisher "powmia-desktop contributors"
#define AppURL "https://powmia-desktop.example.org/"
#define AppExe "powmia-desktop.exe"
#define Root "..\.."

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{622A4308-94B6-5060-95D7-5E668AD90839}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#Root}\build\LICENSE.txt
SetupIconFile=powmia-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=powmia-desktop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle: powmia-desktop.exe (the window), powmia.exe (the command), _internal\.
Source: "{#Root}\dist\powmia-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\build\LICENSE.txt"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Case archive for families of servicemen missing from the Korean War"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; The archive-export type (.powmia-archive) is not registered yet: add a [Registry] section
; (HKA\Software\Classes\.powmia-archive -> PowmiaDesktop.Archive, with shell\open\command
; "{app}\powmia-desktop.exe" "%1") and ChangesAssociations=yes once the program opens such
; a file given on its command line.
