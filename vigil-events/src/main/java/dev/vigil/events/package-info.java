/** EventBridge: buses, rules (patterns via aws event-ruler, schedules), targets, archive and replay, schemas. */
package dev.vigil.events;
