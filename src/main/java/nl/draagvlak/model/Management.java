package nl.draagvlak.model;

/** Whether the change is run as a project or as a process. */
public enum Management {
    PROJECT, PROCESS
}
