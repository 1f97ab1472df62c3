package org.entente.incident.view;

import java.util.List;

import org.entente.platform.caller.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A state's point of contact reads the incidents its state reported; anyone else's are not found. */
@RestController
@RequestMapping("/api/v1/incidents")
@PreAuthorize("hasRole('POC')")
class IncidentViewController {

    private final IncidentView view;

    IncidentViewController(IncidentView view) {
        this.view = view;
    }

    @GetMapping("/{id}")
    IncidentDetails get(@PathVariable String id, Caller caller) {
        return view.current(caller.state(), id)
                .map(IncidentDetails::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No incident " + id));
    }

    @GetMapping
    List<IncidentDetails> list(Caller caller) {
        return view.reportedBy(caller.state()).stream().map(IncidentDetails::of).toList();
    }
}
