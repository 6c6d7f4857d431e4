import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { flushSync } from 'react-dom';
import type { Clip, Project } from '../../../shared/domain';
import type { Job } from '../../../shared/jobs';
import { PROVIDERS } from '../../../shared/prompt/providers';
import { studio, type ConnectionState } from '../api/client';
import { accessToken } from '../api/access';
import { useConnectionState } from '../api/hooks';
import { messageOf } from '../api/messages';
import { Icon } from '../components/Icon';
import { ToastProvider, useToaster } from '../components/Toasts';
import { ClipsCanvas, type LibraryState } from '../features/clips/ClipsCanvas';
import type { ChooseHow } from '../features/clips/ClipGrid';
import type { LibraryLayout } from '../features/library/LibraryControls';
import { useClipPages } from '../features/library/useClipPages';
import { useClipSelection } from '../features/library/useClipSelection';
import { useLibraryActions } from '../features/library/useLibraryActions';
import { OrganiseHistory, type HistoryHandle } from '../features/library/OrganiseHistory';
import { OrganiseKeys } from '../features/library/useOrganiseKeys';
import { MoveToProject } from '../features/library/MoveToProject';
import { SelectionInspector } from '../features/library/SelectionInspector';
import { CardPostersStatus } from '../features/library/CardPostersStatus';
import { useOpenClip } from '../features/library/useOpenClip';
import { focusClipSoon, focusWaitsForClips } from '../features/library/clipAfter';
import type { ClipQuery } from '../../../shared/library/organise';
import { useImports } from '../features/clips/useImports';
import { JobsView } from '../features/jobs/JobsView';
import { askToNotify, notify } from '../features/jobs/notify';
import { useJobs } from '../features/jobs/useJobs';
import { CueTimeline } from '../features/cues/CueTimeline';
import { PlayerPanel } from '../features/player/PlayerPanel';
import type { Target } from '../features/prompt/analysis';
import { PromptStudio, TARGET_KEY } from '../features/prompt/PromptStudio';
import { ClipVersions, type VersionActions } from '../features/remix/ClipVersions';
import { CompareView } from '../features/remix/CompareView';
import { offeredModes } from '../features/remix/continueChoice';
import { RemixBar, RemixQueuedBar } from '../features/remix/RemixBar';
import { useRemix } from '../features/remix/useRemix';
import { VersionsView } from '../features/remix/VersionsView';
import { focusSelectedTab, focusViewSoon, rememberFocus, returnFocus, type FocusReturn } from './focusReturn';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ProjectSidebar } from '../features/projects/ProjectSidebar';
import { useProjectDeletion } from '../features/projects/useProjectDeletion';
import { useProjects } from '../features/projects/useProjects';
import { countClips } from '../format/media';
import { isTextEntry, modalOpen } from '../format/shortcuts';
import { readStored, writeStored } from './storage';
import { isStudioView, ViewSwitch, VIEWS, type StudioView } from './ViewSwitch';
import './App.css';

const OPEN_PROJECT_KEY = 'shotline.openProjectId';
const SHOW_ARCHIVED_KEY = 'shotline.showArchived';
const VIEW_KEY = 'shotline.view';
const LAYOUT_KEY = 'shotline.libraryLayout';
/** Each project's search text, kept across reloads like the other library view state. */
const searchKey = (projectId: number): string => `shotline.search.project.${projectId}`;
const NO_QUERY: Omit<ClipQuery, 'text'> = { filter: {}, sort: { by: 'created', dir: 'desc' } };

/** The viewer beside the Trash: its clips play once restored. */
const IN_TRASH = { title: 'Clips in the Trash', text: 'Restore a clip to play it and see its details.' };

const CONNECTION_LABEL: Record<ConnectionState, string> = {
  open: studio.host === 'desktop' ? 'Local library' : 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Access token refused',
};

/** What the library's canvas shows instead of the grid and inspector: two versions compared, or a family's graph. */
type Stage = { kind: 'compare'; a: number; b: number } | { kind: 'versions'; clipId: number; projectId: number };

function storedId(key: string): number | null {
  const value = Number(readStored(key));
  return Number.isInteger(value) && value > 0 ? value : null;
}

function Studio(): JSX.Element {
  const toaster = useToaster();
  const connection = useConnectionState();
  const { all, refresh: refreshProjects } = useProjects();
  const [showArchived, setShowArchived] = useState(() => readStored(SHOW_ARCHIVED_KEY) === 'true');
  // The project the creator chose; the one shown falls back to the first listed when it is gone or hidden.
  const [chosenId, setChosenId] = useState<number | null>(() => storedId(OPEN_PROJECT_KEY));
  const [creating, setCreating] = useState(false);
  const [focusProjectId, setFocusProjectId] = useState<number | null>(null);
  const [search, setSearch] = useState<{ projectId: number | null; query: string }>({ projectId: null, query: '' });
  const [organised, setOrganised] = useState<{ projectId: number | null } & Omit<ClipQuery, 'text'>>({
    projectId: null,
    ...NO_QUERY,
  });
  const [layout, setLayout] = useState<LibraryLayout>(() => (readStored(LAYOUT_KEY) === 'list' ? 'list' : 'grid'));
  const [showTrash, setShowTrash] = useState(false);
  const [selected, setSelected] = useState<Clip | null>(null);
  const [media, setMedia] = useState<HTMLVideoElement | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [stage, setStage] = useState<Stage | null>(null);
  const [chosenView, setChosenView] = useState<StudioView>(() => {
    const stored = readStored(VIEW_KEY);
    return isStudioView(stored) ? stored : 'library';
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const history = useRef<HistoryHandle | null>(null);

  const visible = useMemo(() => (all ? all.filter((p) => showArchived || !p.archived) : null), [all, showArchived]);
  const project = visible?.find((p) => p.id === chosenId) ?? visible?.[0] ?? null;
  const openId = project?.id ?? null;
  // A project opened again (or after a reload) shows the search it was left with.
  const query =
    search.projectId === openId ? search.query : openId === null ? '' : (readStored(searchKey(openId)) ?? '');
  const { filter, sort } = organised.projectId === openId ? organised : NO_QUERY;
  const clipQuery = useMemo<ClipQuery>(() => ({ text: query, filter, sort }), [query, filter, sort]);
  const pages = useClipPages(openId, clipQuery);
  const selection = useClipSelection(pages);
  const findClip = useCallback((id: number) => pages.find(id), [pages]);
  const noteImport = useCallback((message: string) => toaster.show('info', message), [toaster]);
  // A file already in the project adds nothing: its clip is chosen instead, so the creator sees which it is.
  const { set: setSelection } = selection;
  const showAlready = useCallback(
    (clips: Clip[]) => {
      const [first] = clips;
      if (!first) return;
      setSelected(first);
      setSelection([first.id]);
    },
    [setSelection],
  );
  // Clips imported while the focus was nowhere or on the empty project (Choose files…, which goes
  // as they come): the first is chosen and takes the focus. Focus anywhere else stays.
  const showImported = useCallback(
    (clips: Clip[]) => {
      const [first] = clips;
      if (!first || !focusWaitsForClips()) return;
      setSelected(first);
      setSelection([first.id]);
      focusClipSoon(first.id, { frames: 180 });
    },
    [setSelection],
  );
  const imports = useImports(noteImport, showAlready, showImported);
  const keepSearch = useCallback((projectId: number | null, text: string) => {
    setSearch({ projectId, query: text });
    if (projectId !== null) writeStored(searchKey(projectId), text === '' ? null : text);
  }, []);
  const changeClipQuery = useCallback(
    (next: ClipQuery) => {
      setOrganised({ projectId: openId, filter: next.filter, sort: next.sort });
      if (next.text !== query) keepSearch(openId, next.text);
    },
    [openId, query, keepSearch],
  );

  // The player follows the library: a renamed or rated clip shows its new state; a clip hidden
  // by a search or filter, or scrolled out of the loaded pages, stays in the viewer as it was.
  const fresh = selected ? pages.find(selected.id) : undefined;
  const selectedClip = !selected || selected.projectId !== openId ? null : (fresh ?? selected);
  const chosenIds = useMemo(
    () => (selection.ids.size > 0 ? [...selection.ids] : selectedClip ? [selectedClip.id] : []),
    [selection.ids, selectedClip],
  );
  const organiseFailed = useCallback((error: unknown) => toaster.error('Could not change the clips', error), [toaster]);

  // The prompt studio writes into a project, so without one the library shows.
  const view: StudioView = !project && chosenView === 'prompt' ? 'library' : chosenView;
  // Every clip gets the timeline: one without sound says so there, and still takes cues against its picture.
  // Several clips chosen: the inspector speaks of them all, and no one clip's timeline shows.
  const manySelected = selection.ids.size > 1;
  // The Trash shows its own clips, which are not chosen: the clip chosen in the library waits.
  const showCues = view === 'library' && stage === null && selectedClip !== null && !manySelected && !showTrash;
  const openPrompt = useCallback(() => setChosenView('prompt'), []);
  const openPromptOf = useCallback((projectId: number) => {
    setChosenId(projectId);
    setStage(null);
    setChosenView('prompt');
  }, []);
  const remix = useRemix(openPromptOf);

  const projectName = useCallback((id: number) => all?.find((p) => p.id === id)?.name ?? 'its project', [all]);
  const onJobSettled = useCallback(
    (job: Job) => {
      const where = projectName(job.projectId);
      if (job.state === 'succeeded') {
        toaster.show('success', `Clip ready: “${job.title}”`, `In ${where}.`);
        notify('Clip ready', `“${job.title}” is in ${where}.`, `shotline-job-${job.id}`);
      } else if (job.state === 'failed') {
        toaster.show('error', `Job failed: “${job.title}”`, job.errorMessage ?? '');
        notify('Job failed', `“${job.title}”: ${job.errorMessage ?? 'see Jobs'}`, `shotline-job-${job.id}`);
      } else if (job.state === 'needs_decision') {
        toaster.show('error', `“${job.title}” needs your decision`, job.errorMessage ?? 'Open Jobs to choose.');
        notify('A job needs your decision', `“${job.title}”`, `shotline-job-${job.id}`, { always: true });
      }
    },
    [projectName, toaster],
  );
  const jobs = useJobs(onJobSettled);

  const library: LibraryState =
    all === null ? 'loading' : all.length === 0 ? 'empty' : visible?.length === 0 ? 'all-archived' : 'ready';

  useEffect(() => {
    studio.call('app.info', {}).then(
      (info) => setVersion(info.version),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (all !== null) writeStored(OPEN_PROJECT_KEY, openId === null ? null : String(openId));
  }, [openId, all]);

  useEffect(() => writeStored(SHOW_ARCHIVED_KEY, String(showArchived)), [showArchived]);
  useEffect(() => writeStored(VIEW_KEY, chosenView), [chosenView]);
  useEffect(() => writeStored(LAYOUT_KEY, layout), [layout]);

  // Window-wide shortcuts: import, find; and never let a dropped file navigate the window away.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key === ',') {
        event.preventDefault();
        setSettingsOpen(true);
        return;
      }
      if (modalOpen()) return;
      const shortcut = event.altKey && !mod && !event.shiftKey ? VIEWS.find((v) => v.code === event.code) : undefined;
      if (shortcut) {
        event.preventDefault();
        setChosenView(shortcut.id);
        // The view the focus was in goes: the new one's chosen clip, editor or list takes it.
        focusViewSoon(shortcut.id);
        return;
      }
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'i') {
        event.preventDefault();
        fileInput.current?.click();
      } else if ((mod && event.key.toLowerCase() === 'f') || (event.key === '/' && !isTextEntry(event.target))) {
        if (!searchInput.current || searchInput.current.disabled) return;
        event.preventDefault();
        searchInput.current.focus();
        searchInput.current.select();
      }
    }
    const swallow = (event: DragEvent): void => event.preventDefault();
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);

  const openProject = useCallback((id: number) => setChosenId(id), []);
  const changeQuery = useCallback((text: string) => keepSearch(openId, text), [openId, keepSearch]);
  const clearFocusRequest = useCallback(() => setFocusProjectId(null), []);

  async function createProject(name: string): Promise<void> {
    const created = await studio.call('projects.create', { name });
    setCreating(false);
    setChosenId(created.id);
    setFocusProjectId(created.id);
    refreshProjects();
  }

  async function renameProject(id: number, name: string): Promise<void> {
    const before = all?.find((p) => p.id === id)?.name;
    const rename = async (to: string): Promise<void> => {
      await studio.call('projects.rename', { id, name: to });
      refreshProjects();
    };
    await rename(name);
    // On the library's history, so Ctrl+Z gives the old name back rather than undoing an older edit.
    if (before !== undefined && before !== name)
      history.current?.record({
        label: `Rename the project “${before}”`,
        done: `Renamed the project “${before}” to “${name}”`,
        forward: [],
        backward: [],
        own: { undo: () => rename(before), redo: () => rename(name) },
      });
  }

  function setArchived(target: Project, archived: boolean): void {
    studio.call('projects.setArchived', { id: target.id, archived }).then(
      () => {
        refreshProjects();
        toaster.show('info', archived ? `Archived “${target.name}”` : `Restored “${target.name}”`);
      },
      (error: unknown) =>
        toaster.error(archived ? `Could not archive “${target.name}”` : `Could not unarchive “${target.name}”`, error),
    );
  }

  // A clip opened (Enter, a double-click) hands the keys to its cue timeline; one chosen by a click
  // or the arrows leaves them with the library. Counted, so opening the same clip again asks again.
  const [timelineFocus, setTimelineFocus] = useState({ clipId: 0, request: 0 });
  const chooseClip = useCallback(
    (clip: Clip, index: number, how: ChooseHow) => {
      selection.choose(clip, index, how);
      // Ctrl+click on a chosen clip leaves it out: the inspector shows a clip still chosen, not it.
      if (how.toggle && !how.range && selection.ids.has(clip.id)) {
        const left = [...selection.ids].filter((id) => id !== clip.id);
        const last = left.at(-1);
        setSelected(last === undefined ? null : (pages.find(last) ?? null));
        return;
      }
      setSelected(clip);
      // Only chosen: the timeline shown for it (now or when it comes back) leaves focus where it is.
      setTimelineFocus((f) => (how.open ? { clipId: clip.id, request: f.request + 1 } : { ...f, clipId: 0 }));
    },
    [selection, pages],
  );
  const { trashClips, renameClip, moveClips, selectAllClips } = useLibraryActions({
    pages,
    selection,
    selectedClip,
    setSelected,
    chooseClip,
    history,
    openId,
    clipQuery,
    projects: all,
  });
  const projectDeletion = useProjectDeletion({
    visible,
    openId,
    open: setChosenId,
    focus: setFocusProjectId,
    refreshProjects,
    history,
  });

  const queuePrompt = useCallback(
    (text: string, target: Target) => {
      if (!project) return;
      // Asked on this click, never waited for: notifications are a bonus.
      askToNotify();
      const extras = remix.enqueueExtras(project.id, text, target, offeredModes(jobs.providers, target));
      return studio
        .call('jobs.enqueue', { projectId: project.id, provider: target.provider, promptText: text, ...extras })
        .then(
          (job) => {
            // A remix queued: the draft is unlinked, so Queue again makes a new clip, not silently another version.
            if (extras.parentClipId !== undefined) remix.queued(project.id, extras.parentClipId);
            toaster.show(
              'success',
              `Queued “${job.title}”`,
              `${PROVIDERS[job.provider].label}. Follow it in Jobs (Alt+3); the clip lands in ${project.name}.`,
            );
          },
          (error: unknown) => toaster.show('error', 'Could not queue the prompt', messageOf(error, 'promptText')),
        );
    },
    [project, toaster, remix, jobs.providers],
  );

  const openSettings = useCallback(() => setSettingsOpen(true), []);

  function testComfyRender(): void {
    if (!project) return;
    studio
      .call('jobs.enqueue', {
        projectId: project.id,
        provider: 'comfyui',
        promptText: 'Title: ComfyUI test render\nScene: a lighthouse on a cliff at dusk, waves below\nDuration: 2s',
      })
      .then(
        (job) =>
          toaster.show(
            'success',
            `Queued “${job.title}”`,
            `Follow it in Jobs (Alt+3); the clip lands in ${project.name}.`,
          ),
        (error: unknown) => toaster.error('Could not queue the test render', error),
      );
  }

  const showOpenedClip = useCallback(
    (clip: Clip) => {
      if (all?.find((p) => p.id === clip.projectId)?.archived) setShowArchived(true);
      setChosenId(clip.projectId);
      setSelected(clip);
      setSelection([clip.id]);
      setStage(null);
      setChosenView('library');
    },
    [all, setSelection],
  );
  // Show clip in Jobs: the Jobs view and its button go, and the clip's card (or row) takes the focus.
  const showClipFrom = useRef<Element | null>(null);
  const showJobClip = useCallback(
    (clip: Clip) => {
      showOpenedClip(clip);
      focusClipSoon(clip.id, { frames: 180, from: showClipFrom.current });
    },
    [showOpenedClip],
  );
  const openJobClip = useOpenClip(showJobClip);
  // A version picked in the Versions graph: the graph goes, and the clip's card (or row) takes the focus.
  const showVersionClip = useCallback(
    (clip: Clip) => {
      // The node that was pressed holds the focus until the graph goes: it counts as lost too.
      const from = document.activeElement;
      showOpenedClip(clip);
      focusClipSoon(clip.id, { frames: 180, from });
    },
    [showOpenedClip],
  );
  const openVersionClip = useOpenClip(showVersionClip);
  const showClip = useCallback(
    (job: Job) => {
      if (job.clipId === null) return;
      showClipFrom.current = document.activeElement;
      openJobClip(job.clipId);
    },
    [openJobClip],
  );
  // Compare and Versions open from a control in the library; closing them gives it the focus back.
  const stageOpener = useRef<{ saved: FocusReturn | null; due: boolean }>({ saved: null, due: false });
  const openStage = useCallback((next: Stage) => {
    stageOpener.current = { saved: rememberFocus(), due: false };
    setStage(next);
  }, []);
  const closeStage = useCallback(() => {
    stageOpener.current.due = true;
    setStage(null);
  }, []);
  useEffect(() => {
    if (stage !== null || !stageOpener.current.due) return;
    stageOpener.current.due = false;
    returnFocus(stageOpener.current.saved);
  }, [stage]);
  const versionActions: VersionActions = useMemo(
    () => ({
      onRemix: remix.remix,
      onRestore: remix.restore,
      // Like a node of the graph, a version chosen in the Lineage gives its card the focus.
      onSelectVersion: openVersionClip,
      onCompare: (a, b) => openStage({ kind: 'compare', a, b }),
      onVersions: (clipId) => openStage({ kind: 'versions', clipId, projectId: openId ?? 0 }),
    }),
    [remix.remix, remix.restore, openVersionClip, openId, openStage],
  );
  const remixOf = project ? remix.linkFor(project.id) : null;
  const remixQueued = project ? remix.queuedFor(project.id) : null;

  // Each view draws its own View switch: the tab pressed goes with the old view, so the new one's tab takes the focus.
  // Drawn at once, so the tab has the focus before the view's own (the Prompt view's editor) would take it.
  const switchView = useCallback((next: StudioView) => {
    flushSync(() => setChosenView(next));
    focusSelectedTab();
  }, []);
  const viewSwitch = (
    <ViewSwitch view={view} onChange={switchView} promptDisabled={!project} pendingJobs={jobs.pendingCount} />
  );

  const totalClips = all?.reduce((sum, p) => sum + p.clipCount, 0) ?? 0;

  return (
    <OrganiseHistory find={findClip} handleRef={history}>
      <div className="app">
        <OrganiseKeys ids={chosenIds} onError={organiseFailed} />
        {connection === 'reconnecting' && (
          <div className="connection-banner" role="status">
            <Icon name="offline" />
            <span>
              <strong>Reconnecting…</strong> The studio is not answering. Shotline keeps trying and will refresh when it
              is back.
            </span>
          </div>
        )}
        {connection === 'unauthorized' && (
          <div className="connection-banner connection-banner--refused" role="alert">
            <Icon name="warning" />
            <span>
              {accessToken() === null ? (
                <>
                  <strong>This page has no access token.</strong> Open the link that “shotline serve” printed in the
                  terminal (it ends in ?token=…).
                </>
              ) : (
                <>
                  <strong>This link no longer works.</strong> The studio was restarted with a new access token. Open the
                  link that “shotline serve” printed in the terminal.
                </>
              )}
            </span>
          </div>
        )}

        <div className={showCues ? 'workspace workspace--cues' : 'workspace'}>
          <ProjectSidebar
            projects={visible}
            libraryEmpty={library === 'empty'}
            openId={openId}
            onOpen={openProject}
            creating={creating}
            onCreatingChange={setCreating}
            onCreate={createProject}
            onRename={renameProject}
            onSetArchived={setArchived}
            onAskDelete={projectDeletion.ask}
            showArchived={showArchived}
            onShowArchivedChange={setShowArchived}
            focusId={focusProjectId}
            onFocused={clearFocusRequest}
          />
          {view === 'jobs' ? (
            <JobsView state={jobs} projects={all} viewSwitch={viewSwitch} onShowClip={showClip} />
          ) : view === 'prompt' && project ? (
            <PromptStudio
              key={project.id}
              project={project}
              viewSwitch={viewSwitch}
              onQueue={queuePrompt}
              providers={jobs.providers}
              onOpenSettings={openSettings}
              requestOptions={(text, target) =>
                remix.enqueueExtras(project.id, text, target, offeredModes(jobs.providers, target)).options ?? {}
              }
              banner={(target: Target) =>
                remixOf ? (
                  <RemixBar
                    link={remixOf}
                    onUnlink={() => remix.link(project.id, null)}
                    onKeepSeed={(keepSeed) => remix.link(project.id, { ...remixOf, keepSeed })}
                    modes={offeredModes(jobs.providers, target)}
                    onMode={(continueMode) => remix.link(project.id, { ...remixOf, continueMode })}
                  />
                ) : remixQueued ? (
                  <RemixQueuedBar
                    link={remixQueued}
                    onLinkAgain={() => remix.link(project.id, remixQueued)}
                    onDismiss={() => remix.dismissQueued(project.id)}
                  />
                ) : null
              }
            />
          ) : view === 'library' && stage?.kind === 'compare' ? (
            <CompareView
              a={stage.a}
              b={stage.b}
              onPick={(a, b) => setStage({ kind: 'compare', a, b })}
              onClose={closeStage}
              viewSwitch={viewSwitch}
            />
          ) : view === 'library' && stage?.kind === 'versions' ? (
            <VersionsView
              clipId={stage.clipId}
              projectId={stage.projectId}
              onSelectVersion={openVersionClip}
              onCompare={(a, b) => setStage({ kind: 'compare', a, b })}
              onClose={closeStage}
              viewSwitch={viewSwitch}
            />
          ) : (
            <>
              <ClipsCanvas
                viewSwitch={viewSwitch}
                library={library}
                project={project}
                projects={all ?? []}
                pages={pages}
                query={clipQuery}
                onQuery={changeClipQuery}
                onQueryChange={changeQuery}
                layout={layout}
                onLayout={setLayout}
                showTrash={showTrash}
                onShowTrash={setShowTrash}
                selectedIds={selection.ids}
                currentId={selectedClip?.id ?? null}
                onChoose={chooseClip}
                onClearSelection={() => selection.clear()}
                onRename={renameClip}
                // A card's own Delete clip takes that clip only; Delete (the key) and the bar take the choice.
                onAskDelete={(clip) => trashClips([clip.id])}
                onTrash={trashClips}
                onSelectAll={selectAllClips}
                onMove={moveClips}
                onError={(title, error) => toaster.error(title, error)}
                onNewProject={() => setCreating(true)}
                imports={imports}
                fileInput={fileInput}
                searchInput={searchInput}
              />
              {showTrash ? (
                <PlayerPanel clip={null} empty={IN_TRASH} />
              ) : manySelected ? (
                <SelectionInspector
                  ids={selection.ids}
                  onTrash={() => trashClips([...selection.ids])}
                  onClear={() => selection.clear()}
                />
              ) : (
                <PlayerPanel
                  clip={selectedClip}
                  onMedia={setMedia}
                  actions={
                    selectedClip &&
                    project && (
                      <MoveToProject
                        label="Move clip to project"
                        projects={all ?? []}
                        currentProjectId={project.id}
                        onMove={(projectId) => moveClips([selectedClip.id], projectId)}
                      />
                    )
                  }
                >
                  {selectedClip && <ClipVersions clip={selectedClip} actions={versionActions} jobs={jobs.jobs} />}
                </PlayerPanel>
              )}
              {showCues && (
                <CueTimeline
                  key={selectedClip.id}
                  clip={selectedClip}
                  media={media}
                  onOpenPrompt={openPrompt}
                  focusRequest={timelineFocus.clipId === selectedClip.id ? timelineFocus.request : 0}
                />
              )}
            </>
          )}
        </div>

        <footer className="statusbar">
          <span className={`statusbar__connection statusbar__connection--${connection}`}>
            <span className="statusbar__dot" aria-hidden="true" />
            {CONNECTION_LABEL[connection]}
          </span>
          {all !== null && (
            <span className="tabular">
              {all.length} {all.length === 1 ? 'project' : 'projects'} · {countClips(totalClips)}
            </span>
          )}
          {jobs.pendingCount > 0 && (
            <button
              type="button"
              className="statusbar__jobs tabular"
              title="Open Jobs (Alt+3)"
              onClick={() => setChosenView('jobs')}
            >
              <span className="statusbar__dot statusbar__dot--running" aria-hidden="true" />
              {jobs.pendingCount === 1 ? '1 job' : `${jobs.pendingCount} jobs`} in the queue
            </button>
          )}
          <CardPostersStatus />
          <span className="statusbar__spacer" />
          <button type="button" className="statusbar__settings" title="Settings (Ctrl+,)" onClick={openSettings}>
            Settings
          </button>
          {version !== null && <span>Shotline {version}</span>}
        </footer>

        {settingsOpen && (
          <SettingsDialog
            onClose={() => setSettingsOpen(false)}
            onDefaultProvider={(provider) =>
              writeStored(TARGET_KEY, JSON.stringify({ provider, model: PROVIDERS[provider].defaultModel }))
            }
            onTestRender={testComfyRender}
            canTestRender={project !== null}
          />
        )}
        {remix.dialog}
        {projectDeletion.dialog}
      </div>
    </OrganiseHistory>
  );
}

export function App(): JSX.Element {
  return (
    <ToastProvider>
      <Studio />
    </ToastProvider>
  );
}
