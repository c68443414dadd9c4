import { ROLE_LEVEL, ROLES, type Role, type Task } from '@omsorg/domain';

/**
 * Roles that staff the services, lowest formal competence first: servicemedarbeider, assistent,
 * helsefagarbeider, vernepleier, sykepleier. Students (`student`) are supernumerary and never get
 * tasks from the allocation.
 */
export const STAFFING_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'student').sort((a, b) => ROLE_LEVEL[a] - ROLE_LEVEL[b] || ROLES.indexOf(b) - ROLES.indexOf(a));

/** Who is asked about: a role and the procedure qualifications held. */
export interface Competence {
  /** The person's role. */
  role: Role;
  /** Ids of procedure qualifications held. */
  qualifications: readonly string[];
}

/** How a person may do a task: on the strength of the role, or by delegation with a qualification. */
export type PerformBasis = 'role' | 'delegation';

/**
 * Whether someone with this role and these qualifications may do the task on their own: the role is
 * at the task's minimum level or above, or the task is delegable, the person holds its
 * qualification and the role is at least `delegableTo`.
 */
export function mayPerform(task: Task, who: Competence): boolean {
  return performBasis(task, who) !== undefined;
}

/** The basis on which someone may do a task, or `undefined` when they may not. */
export function performBasis(task: Task, who: Competence): PerformBasis | undefined {
  if (ROLE_LEVEL[who.role] >= ROLE_LEVEL[task.minRole]) return 'role';
  const floor = delegationFloor(task);
  if (floor !== undefined && task.qualificationId !== undefined && ROLE_LEVEL[who.role] >= ROLE_LEVEL[floor] && who.qualifications.includes(task.qualificationId)) {
    return 'delegation';
  }
  return undefined;
}

/** The lowest role a task may be delegated to, or `undefined` when it cannot be delegated. */
export function delegationFloor(task: Task): Role | undefined {
  if (!task.delegable || task.qualificationId === undefined) return undefined;
  const to = task.delegableTo ?? task.minRole;
  return ROLE_LEVEL[to] < ROLE_LEVEL[task.minRole] ? to : undefined;
}

/**
 * The lowest role level that may do a task at all (with delegation where the task allows it). Used by
 * the task-mapping analysis: time a role spends on tasks whose lowest level is under its own is time
 * that task sharing (oppgavedeling) could move.
 */
export function lowestRoleFor(task: Task): Role {
  return delegationFloor(task) ?? task.minRole;
}

/** A competence slot the allocation fills: a role, and the qualification when the task is delegated. */
export interface CompetenceSlot {
  /** The role that does the task. */
  role: Role;
  /** Set when the role may do the task only by delegation with this qualification. */
  qualificationId?: string;
}

/**
 * Every slot that may do a task, lowest first: delegated slots (roles from `delegableTo` up to below
 * `minRole`, each with the qualification), then roles from `minRole` up (the task's own `minRole`
 * first among roles of the same level).
 */
export function candidateSlots(task: Task): CompetenceSlot[] {
  const out: CompetenceSlot[] = [];
  const floor = delegationFloor(task);
  if (floor !== undefined && task.qualificationId !== undefined) {
    for (const role of STAFFING_ROLES) {
      if (ROLE_LEVEL[role] >= ROLE_LEVEL[floor] && ROLE_LEVEL[role] < ROLE_LEVEL[task.minRole]) out.push({ role, qualificationId: task.qualificationId });
    }
  }
  const own = STAFFING_ROLES.filter((r) => ROLE_LEVEL[r] >= ROLE_LEVEL[task.minRole]);
  own.sort((a, b) => ROLE_LEVEL[a] - ROLE_LEVEL[b] || (a === task.minRole ? -1 : b === task.minRole ? 1 : 0));
  for (const role of own) out.push({ role });
  return out;
}

/** Roles at or above a level, among the staffing roles. */
export function rolesAtOrAbove(role: Role): Role[] {
  return STAFFING_ROLES.filter((r) => ROLE_LEVEL[r] >= ROLE_LEVEL[role]);
}
